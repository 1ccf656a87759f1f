package io.payonator.ops.web;

/** A write to the ledger (a request's rows, a replay) failed; the message says what state it left. */
class LedgerWriteFailedException extends RuntimeException {

    LedgerWriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.payonator.ops.web;

/** A request's rows could not be stored; none of them was applied. */
class LedgerWriteFailedException extends RuntimeException {

    LedgerWriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

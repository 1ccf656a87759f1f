package io.payonator.ops.ledger;

/**
 * The ledger's database cannot be reached or does not let us in: wrong credentials, an unknown
 * host, a missing database. Nothing was read or written; the operator fixes the address and retries.
 */
public class LedgerUnreachableException extends RuntimeException {

    public LedgerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

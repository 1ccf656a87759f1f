package io.payonator.ops.ledger;

/** Another payonator process writes this ledger (see {@link LedgerLocation#lockForWriting()}). */
public class LedgerInUseException extends RuntimeException {

    public LedgerInUseException(String message) {
        super(message);
    }
}

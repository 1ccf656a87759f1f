package io.payonator.ops.ledger;

/** The balance projection could not apply the events: its tables are not to be trusted until it does. */
public class ProjectionFailedException extends RuntimeException {

    public ProjectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

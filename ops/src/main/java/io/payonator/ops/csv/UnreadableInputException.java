package io.payonator.ops.csv;

/** An input that cannot be imported at all (missing file, no header): nothing is changed. */
public class UnreadableInputException extends Exception {

    public UnreadableInputException(String message) {
        super(message);
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

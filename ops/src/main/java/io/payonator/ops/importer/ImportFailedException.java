package io.payonator.ops.importer;

/** The import stopped: rows before the failing one are kept, the rest were not applied. */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.payonator.ops.importer;

import io.payonator.ops.csv.TransactionCsvReader;

/**
 * A source to import: its reader, and its content's identity when it has one (a file; standard
 * input has none, so an import from it cannot be resumed).
 */
public record ImportSource(TransactionCsvReader reader, String contentId) {

    public static ImportSource unidentified(TransactionCsvReader reader) {
        return new ImportSource(reader, null);
    }

    public boolean resumable() {
        return contentId != null;
    }

    public String name() {
        return reader.source();
    }
}

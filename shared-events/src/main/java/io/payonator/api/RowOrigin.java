package io.payonator.api;

/**
 * Where a transaction came from: the source (a file as named on the command line, {@code -} for
 * standard input) and its 1-based line number. Rejections carry it so reports can name the row.
 */
public record RowOrigin(String source, long line) {

    @Override
    public String toString() {
        return source + ":" + line;
    }
}

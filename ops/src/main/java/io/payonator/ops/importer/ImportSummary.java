package io.payonator.ops.importer;

/** What an import did: rows read (excluding header and empty lines) and how many were malformed. */
public record ImportSummary(long rows, long malformed, long nanos) {

    public double rowsPerSecond() {
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}

package io.payonator.ops.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an import did: rows read (excluding header and empty lines), how many were malformed, how
 * many accounts its well-formed rows touched, and whether it was stopped before the end of its
 * input, with the last line read (and stored) of each source.
 */
public record ImportSummary(long rows, long malformed, int accounts, long nanos, boolean stopped,
                            Map<String, Long> lastLines) {

    public ImportSummary {
        lastLines = Collections.unmodifiableMap(new LinkedHashMap<>(lastLines));
    }

    public double rowsPerSecond() {
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}

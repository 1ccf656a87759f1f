package io.payonator.api.query;

import io.payonator.api.RejectionReason;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Rows of the rejects report by reason; reasons without rows are absent. */
public record RejectionCounts(Map<RejectionReason, Long> byReason) {

    public RejectionCounts {
        byReason = Collections.unmodifiableMap(byReason.isEmpty() ? new EnumMap<>(RejectionReason.class)
                : new EnumMap<>(byReason));
    }

    public long total() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }
}

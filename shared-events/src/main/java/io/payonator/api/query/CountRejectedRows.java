package io.payonator.api.query;

/**
 * Query: how many rows of the rejects report each reason has, counting the rows reported by events
 * after position {@code afterEvent} ({@link FindRejectedRows#WHOLE_LEDGER}: all). Answered with
 * {@link RejectionCounts}.
 */
public record CountRejectedRows(long afterEvent) {
}

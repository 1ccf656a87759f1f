package io.payonator.api.query;

/** Query: the sums over every account, answered with {@link LedgerTotals}. */
public record FindLedgerTotals() {
}

package io.payonator.api.query;

/**
 * An account as of a point: {@code asOf} is the position it reflects, the point asked for, or the
 * ledger's head when that was further (a later position may not have been written yet, so it
 * would not keep its meaning), or for a time the last position recorded at or before it.
 */
public record AccountAsOf(AccountBalance balance, long asOf) {
}

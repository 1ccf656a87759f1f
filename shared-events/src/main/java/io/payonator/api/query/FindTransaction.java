package io.payonator.api.query;

/** Query: the accepted deposit or withdrawal with this tx id. Answered with a {@link TransactionView}, if any. */
public record FindTransaction(long tx) {
}

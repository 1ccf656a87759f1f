package io.payonator.api.query;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.TransactionType;

/**
 * A well-formed row of a client that the ledger rejected, as the query side shows it.
 *
 * @param amount the row's amount for a deposit or withdrawal, otherwise {@code null}
 */
public record RejectedTransaction(String source, long line, TransactionType type, long tx, Money amount,
                                  RejectionReason reason) {
}

package io.payonator.api.query;

import io.payonator.api.DisputeState;
import io.payonator.api.Money;
import io.payonator.api.TransactionType;

/**
 * An accepted deposit or withdrawal as the query side shows it.
 *
 * @param state where a deposit stands in the dispute process; {@link DisputeState#NONE} for a withdrawal
 */
public record TransactionView(long tx, int client, TransactionType type, Money amount, DisputeState state) {
}

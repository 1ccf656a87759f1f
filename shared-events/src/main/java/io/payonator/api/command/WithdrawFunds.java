package io.payonator.api.command;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A withdrawal row. {@code txIdSeenBefore} is the outcome of the ledger-wide tx-id reservation, taken in input order before the row was routed to its client (SPEC.md step 2). */
public record WithdrawFunds(@TargetAggregateIdentifier int client, long tx, Money amount, boolean txIdSeenBefore, RowOrigin origin)
        implements ClientCommand {

    @Override
    public TransactionType type() {
        return TransactionType.WITHDRAWAL;
    }
}

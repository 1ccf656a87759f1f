package io.payonator.api.command;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A deposit row. {@code txIdSeenBefore} is the outcome of the ledger-wide tx-id reservation, taken in input order before the row was routed to its client (SPEC.md step 2). */
public record DepositFunds(@TargetAggregateIdentifier int client, long tx, Money amount, boolean txIdSeenBefore, RowOrigin origin)
        implements ClientCommand {

    @Override
    public TransactionType type() {
        return TransactionType.DEPOSIT;
    }
}

package io.payonator.api.command;

import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A resolve row: the dispute on deposit {@code tx} of this client is settled in the client's favour. */
public record ResolveDispute(@TargetAggregateIdentifier int client, long tx, RowOrigin origin)
        implements ClientCommand {

    @Override
    public TransactionType type() {
        return TransactionType.RESOLVE;
    }
}

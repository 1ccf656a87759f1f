package io.payonator.api.command;

import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A dispute row: claims that deposit {@code tx} of this client was wrong. */
public record DisputeDeposit(@TargetAggregateIdentifier int client, long tx, RowOrigin origin)
        implements ClientCommand {

    @Override
    public TransactionType type() {
        return TransactionType.DISPUTE;
    }
}

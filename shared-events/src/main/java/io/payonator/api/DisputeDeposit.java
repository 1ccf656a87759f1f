package io.payonator.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A dispute row: claims that deposit {@code tx} of this client was wrong. */
public record DisputeDeposit(@TargetAggregateIdentifier int client, long tx, RowOrigin origin)
        implements ClientCommand {

    @Override
    public TransactionType type() {
        return TransactionType.DISPUTE;
    }
}

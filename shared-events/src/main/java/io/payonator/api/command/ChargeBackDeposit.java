package io.payonator.api.command;

import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A chargeback row: the disputed deposit {@code tx} is reversed and the account is locked. */
public record ChargeBackDeposit(@TargetAggregateIdentifier int client, long tx, RowOrigin origin)
        implements ClientCommand {

    @Override
    public TransactionType type() {
        return TransactionType.CHARGEBACK;
    }
}

package io.payonator.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A client's next rows, in input order, decided by the aggregate one after the other exactly as
 * if each had been sent alone: each row still yields its own outcome event. The bulk importer
 * sends these so that the cost of a command is paid once for many rows.
 */
public record ApplyTransactions(@TargetAggregateIdentifier int client, List<ClientCommand> rows) {

    public ApplyTransactions {
        rows = List.copyOf(rows);
        for (ClientCommand row : rows) {
            if (row.client() != client) {
                throw new IllegalArgumentException("row " + row.origin() + " is for client " + row.client()
                        + ", not " + client);
            }
        }
    }
}

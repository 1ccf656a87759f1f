package io.payonator.api.query;

import java.util.List;

/** A page of one client's rows ({@link FindClientRows}), and how many rows the client has in all. */
public record ClientRows(int client, int page, int size, long totalEntries, List<ClientRow> entries) {

    public ClientRows {
        entries = List.copyOf(entries);
    }
}

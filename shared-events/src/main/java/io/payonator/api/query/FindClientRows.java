package io.payonator.api.query;

/**
 * Query: one client's rows in ledger order, each with its outcome and the balance right after it;
 * page {@code page} (from 0) of at most {@code size}. Answered with {@link ClientRows}, or nothing
 * when the client has no account. Read from the event store, not the projection.
 */
public record FindClientRows(int client, int page, int size) {

    public FindClientRows {
        Paging.check(page, size);
    }
}

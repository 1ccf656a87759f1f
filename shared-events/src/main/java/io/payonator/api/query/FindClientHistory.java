package io.payonator.api.query;

/**
 * Query: one client's accepted deposits and withdrawals, and its rejected rows, each in ledger
 * order; page {@code page} (from 0) of at most {@code size} of each. Answered with a
 * {@link ClientHistory}, or nothing when the client has no account.
 */
public record FindClientHistory(int client, int page, int size) {

    public FindClientHistory {
        Paging.check(page, size);
    }
}

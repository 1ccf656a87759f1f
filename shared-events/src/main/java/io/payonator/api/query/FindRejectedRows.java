package io.payonator.api.query;

/**
 * Query: one page of the rejects report, every malformed or rejected row ordered by source, line
 * and the position of the event that reported it. Answered with up to {@code limit}
 * {@link RejectedRow}s that come after {@code after} ({@code null}: from the start); the report
 * can hold millions of rows, so it is read page by page. {@code afterEvent} keeps only the rows
 * reported by events after that position (one import's rows); {@link #WHOLE_LEDGER} keeps all.
 */
public record FindRejectedRows(RejectedRow after, int limit, long afterEvent) {

    public static final long WHOLE_LEDGER = -1;

    public FindRejectedRows(RejectedRow after, int limit) {
        this(after, limit, WHOLE_LEDGER);
    }

    public static FindRejectedRows firstPage(int limit) {
        return new FindRejectedRows(null, limit);
    }

    public boolean wholeLedger() {
        return afterEvent == WHOLE_LEDGER;
    }
}

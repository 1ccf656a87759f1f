package io.payonator.api;

/**
 * Query: one page of the rejects report, every malformed or rejected row ordered by source, line
 * and the position of the event that reported it. Answered with up to {@code limit}
 * {@link RejectedRow}s that come after {@code after} ({@code null}: from the start); the report
 * can hold millions of rows, so it is read page by page.
 */
public record FindRejectedRows(RejectedRow after, int limit) {

    public static FindRejectedRows firstPage(int limit) {
        return new FindRejectedRows(null, limit);
    }
}

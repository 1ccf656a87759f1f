package io.payonator.api.query;

import java.util.List;

/** A page of rejected rows ({@link FindRejections}) and how many the query matched in all. */
public record RejectionsPage(List<Rejection> rows, int page, int size, long totalRows) {

    public RejectionsPage {
        rows = List.copyOf(rows);
    }
}

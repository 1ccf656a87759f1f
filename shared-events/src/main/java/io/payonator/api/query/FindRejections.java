package io.payonator.api.query;

import io.payonator.api.RejectionReason;

/**
 * Query: a page of the rejected and malformed rows in ledger order, only those with {@code reason}
 * and from {@code source} (a source's full name, or a file's name without its folder) when these
 * are not {@code null}. Answered with a {@link RejectionsPage}.
 */
public record FindRejections(RejectionReason reason, String source, int page, int size) {

    public FindRejections {
        Paging.check(page, size);
    }
}

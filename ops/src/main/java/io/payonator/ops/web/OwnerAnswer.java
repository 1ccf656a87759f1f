package io.payonator.ops.web;

import io.payonator.api.Money;

/**
 * What a client's owner answers a forwarded request: the row's outcome (status 200), or the
 * problem that the node that took the request answers in its stead. Plain fields, so that it
 * travels between nodes whatever the web's JSON form of a row is.
 */
record OwnerAnswer(int status, String problemReason, String problemDetail, String source, long line, String type,
                   Integer client, Long tx, Long amountUnits, String outcome, String reason, String detail) {

    static OwnerAnswer of(RowResult row) {
        return new OwnerAnswer(200, null, null, row.source(), row.line(), row.type(), row.client(), row.tx(),
                row.amount() == null ? null : row.amount().units(), row.outcome(), row.reason(), row.detail());
    }

    static OwnerAnswer problem(int status, String reason, String detail) {
        return new OwnerAnswer(status, reason, detail, null, 0, null, null, null, null, null, null, null);
    }

    RowResult row() {
        return new RowResult(source, line, type, client, tx, amountUnits == null ? null : new Money(amountUnits),
                outcome, reason, detail);
    }
}

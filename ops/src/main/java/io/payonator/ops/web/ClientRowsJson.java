package io.payonator.ops.web;

import io.payonator.api.Money;
import io.payonator.api.query.ClientRow;
import io.payonator.api.query.ClientRows;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A page of a client's rows, in ledger order, each with the balance right after it. */
@Schema(description = "A client's rows in ledger order (by position), each with its outcome and the account right"
        + " after it")
record ClientRowsJson(int client, List<Entry> entries, int page, int size, long totalEntries) {

    @Schema(name = "HistoryEntry", description = "One row and the account right after it")
    record Entry(
            @Schema(description = "The point of this row: the position of its outcome event in the event store")
            long position,
            @Schema(description = "When the ledger recorded it (UTC)") Instant recorded,
            @Schema(description = "The row's source (a file by its name only) and line; null for an accepted row"
                    + " stored before events recorded their row", nullable = true) String source,
            @Schema(nullable = true) Long line,
            @Schema(allowableValues = {"deposit", "withdrawal", "dispute", "resolve", "chargeback"}) String type,
            long tx,
            @Schema(type = "string", example = "1.0000", nullable = true,
                    description = "For a dispute, resolve or chargeback, the disputed deposit's amount") Money amount,
            @Schema(allowableValues = {"accepted", "rejected"}) String outcome,
            @Schema(nullable = true, description = "The reason code of a rejected row") String reason,
            @Schema(type = "string", example = "1.0000") Money available,
            @Schema(type = "string", example = "0.0000") Money held,
            @Schema(type = "string", example = "1.0000") Money total,
            boolean locked) {

        static Entry of(ClientRow row) {
            return new Entry(row.position(), row.recorded(), row.source() == null ? null : SourceNames.shown(row.source()),
                    row.line(), row.type().code(), row.tx(),
                    row.amount(), row.accepted() ? "accepted" : "rejected",
                    row.accepted() ? null : row.reason().code(), row.after().available(), row.after().held(),
                    row.after().total(), row.after().locked());
        }
    }

    static ClientRowsJson of(ClientRows rows) {
        return new ClientRowsJson(rows.client(), rows.entries().stream().map(Entry::of).toList(), rows.page(),
                rows.size(), rows.totalEntries());
    }
}

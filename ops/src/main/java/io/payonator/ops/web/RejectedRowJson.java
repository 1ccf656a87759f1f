package io.payonator.ops.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.payonator.api.Money;
import io.payonator.api.query.RejectedTransaction;
import io.swagger.v3.oas.annotations.media.Schema;

/** A row of the client that the ledger rejected; an imported file's source is its name, not its path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A row of this client the ledger rejected, with its SPEC.md reason code")
record RejectedRowJson(String source, long line, String type, long tx,
                       @Schema(type = "string", description = "Deposits and withdrawals only") Money amount,
                       String reason) {

    static RejectedRowJson of(RejectedTransaction row) {
        return new RejectedRowJson(SourceNames.shown(row.source()), row.line(), row.type().code(), row.tx(), row.amount(),
                row.reason().code());
    }
}

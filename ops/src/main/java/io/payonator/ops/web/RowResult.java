package io.payonator.ops.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;
import io.payonator.command.intake.MalformedRowException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer for one submitted row: what it was and what the ledger decided. A malformed row has
 * no type, client or tx the ledger could read; only its line, reason and detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One row's outcome: accepted, or rejected with its SPEC.md reason code")
record RowResult(
        @Schema(description = "Where the row came from, as the rejects report names it", example = "api:2026-11-24T10:15:30.123Z#1")
        String source,
        @Schema(description = "Line of the row: 1 for a JSON body; in a CSV body the header is line 1", example = "2")
        long line,
        @Schema(example = "deposit") String type,
        @Schema(example = "1") Integer client,
        @Schema(example = "7") Long tx,
        @Schema(type = "string", example = "1.5000") Money amount,
        @Schema(allowableValues = {"accepted", "rejected"}) String outcome,
        @Schema(description = "SPEC.md reason code when rejected", example = "duplicate_tx") String reason,
        @Schema(description = "Why, in words") String detail) {

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";

    static RowResult accepted(ClientCommand row) {
        return of(row, ACCEPTED, null, null);
    }

    static RowResult rejected(ClientCommand row, RejectionReason reason) {
        return of(row, REJECTED, reason.code(), reason.explain(row.client(), row.tx()));
    }

    static RowResult malformed(RowOrigin origin, MalformedRowException fault) {
        return new RowResult(origin.source(), origin.line(), null, null, null, null, REJECTED, fault.reason().code(),
                fault.getMessage());
    }

    boolean isAccepted() {
        return ACCEPTED.equals(outcome);
    }

    private static RowResult of(ClientCommand row, String outcome, String reason, String detail) {
        return new RowResult(row.origin().source(), row.origin().line(), row.type().code(), row.client(), row.tx(),
                row.amount(), outcome, reason, detail);
    }
}

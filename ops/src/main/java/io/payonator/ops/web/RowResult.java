package io.payonator.ops.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.payonator.api.ClientCommand;
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
        return of(row, REJECTED, reason.code(), explain(row, reason));
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

    private static String explain(ClientCommand row, RejectionReason reason) {
        long tx = row.tx();
        return switch (reason) {
            case DUPLICATE_TX -> "tx " + tx + " was already used by an earlier deposit or withdrawal; this row was not"
                    + " applied";
            case ACCOUNT_LOCKED -> "the account of client " + row.client() + " is locked by a chargeback";
            case OVERFLOW -> "the result would not fit in the ledger's fixed point (64 bits)";
            case INSUFFICIENT_FUNDS -> "the available funds of client " + row.client() + " are less than the amount";
            case UNKNOWN_TX -> "tx " + tx + " is not a deposit of client " + row.client();
            case ALREADY_DISPUTED -> "deposit " + tx + " is already under dispute";
            case CHARGED_BACK -> "deposit " + tx + " was charged back";
            case NOT_DISPUTED -> "deposit " + tx + " is not under dispute";
            case NEGATIVE_TOTAL -> "charging back deposit " + tx + " would make the total negative; the dispute stays"
                    + " open";
            case MALFORMED, INVALID_AMOUNT -> "the row breaks the input rules";
        };
    }
}

package io.payonator.ops.web;

import io.payonator.api.Money;
import io.payonator.api.query.TransactionView;
import io.swagger.v3.oas.annotations.media.Schema;

/** An accepted deposit or withdrawal. */
@Schema(description = "An accepted deposit or withdrawal and its dispute state")
record TransactionJson(
        @Schema(example = "1") long tx,
        @Schema(example = "1") int client,
        @Schema(allowableValues = {"deposit", "withdrawal"}) String type,
        @Schema(type = "string", example = "1.0000") Money amount,
        @Schema(description = "A withdrawal is always none", allowableValues = {"none", "disputed", "resolved",
                "charged_back"}) String state) {

    static TransactionJson of(TransactionView view) {
        return new TransactionJson(view.tx(), view.client(), view.type().code(), view.amount(), view.state().code());
    }
}

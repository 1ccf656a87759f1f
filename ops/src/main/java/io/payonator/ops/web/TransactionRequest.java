package io.payonator.ops.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One transaction as JSON. The fields are read as text, numbers included, so that they go through
 * exactly the validation a CSV row gets: a JSON number like {@code 1.50001} arrives as written,
 * never as a binary floating-point value, and is refused rather than rounded.
 */
@Schema(description = "One transaction; the same fields and rules as a CSV row")
record TransactionRequest(
        @Schema(description = "deposit, withdrawal, dispute, resolve or chargeback (any case)", example = "deposit",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String type,
        @Schema(description = "Client id, 0..65535", example = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        String client,
        @Schema(description = "Transaction id, 0..4294967295; for a dispute, resolve or chargeback the deposit's",
                example = "7", requiredMode = Schema.RequiredMode.REQUIRED)
        String tx,
        @Schema(description = "Deposits and withdrawals: a plain decimal > 0 with at most 4 fractional digits,"
                + " as a JSON string or number; ignored on the other types", example = "1.5")
        String amount) {
}

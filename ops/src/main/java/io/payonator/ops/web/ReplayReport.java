package io.payonator.ops.web;

import io.payonator.ops.ledger.ReplayJob;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a replay through the service found. */
@Schema(description = "Result of a replay: the balance tables rebuilt from the event store, compared with those before")
record ReplayReport(
        @Schema(description = "The rebuilt accounts and rejects report equal those before the replay") boolean identical,
        int accountsBefore,
        int accountsAfter,
        @Schema(description = "Row count and SHA-256 of the rejects report before") String rejectsBefore,
        String rejectsAfter,
        long millis) {

    static ReplayReport of(ReplayJob.Outcome outcome) {
        return new ReplayReport(outcome.identical(), outcome.accountsBefore().size(), outcome.accountsAfter().size(),
                outcome.rejectsBefore(), outcome.rejectsAfter(), outcome.nanos() / 1_000_000);
    }
}

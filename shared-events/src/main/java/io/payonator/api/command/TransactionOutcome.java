package io.payonator.api.command;

import io.payonator.api.RejectionReason;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the {@code Client} aggregate decided for one row: accepted, or rejected with its reason code.
 * The row's outcome event says the same; this is the answer to the command, for a caller that
 * needs it at once (the online intake). The instances are shared, so the bulk path allocates none.
 */
public record TransactionOutcome(RejectionReason rejection) {

    public static final TransactionOutcome ACCEPTED = new TransactionOutcome(null);
    private static final Map<RejectionReason, TransactionOutcome> REJECTED = new EnumMap<>(RejectionReason.class);

    static {
        for (RejectionReason reason : RejectionReason.values()) {
            REJECTED.put(reason, new TransactionOutcome(reason));
        }
    }

    public static TransactionOutcome rejected(RejectionReason reason) {
        return REJECTED.get(reason);
    }

    public boolean accepted() {
        return rejection == null;
    }
}

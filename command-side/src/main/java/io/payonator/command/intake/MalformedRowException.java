package io.payonator.command.intake;

import io.payonator.api.RejectionReason;

/** A row that breaks SPEC.md's input rules: {@code malformed} or {@code invalid_amount}, with the detail why. */
public class MalformedRowException extends Exception {

    private final RejectionReason reason;

    public MalformedRowException(RejectionReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}

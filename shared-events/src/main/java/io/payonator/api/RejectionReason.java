package io.payonator.api;

import java.util.Locale;

/** The reason codes of SPEC.md, reported for every malformed or rejected row. */
public enum RejectionReason {
    MALFORMED,
    INVALID_AMOUNT,
    DUPLICATE_TX,
    ACCOUNT_LOCKED,
    OVERFLOW,
    INSUFFICIENT_FUNDS,
    UNKNOWN_TX,
    ALREADY_DISPUTED,
    CHARGED_BACK,
    NOT_DISPUTED,
    NEGATIVE_TOTAL;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code as reports show it, e.g. {@code insufficient_funds}. */
    public String code() {
        return code;
    }

    public static RejectionReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

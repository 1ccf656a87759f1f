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

    /**
     * Why a well-formed row of this client and tx id was refused, in words (the HTTP API's
     * {@code detail}). A malformed row's words come from the check that failed, stored with it.
     */
    public String explain(int client, long tx) {
        return switch (this) {
            case DUPLICATE_TX -> "tx " + tx + " was already used by an earlier deposit or withdrawal; this row was not"
                    + " applied";
            case ACCOUNT_LOCKED -> "the account of client " + client + " is locked by a chargeback";
            case OVERFLOW -> "the result would not fit in the ledger's fixed point (64 bits)";
            case INSUFFICIENT_FUNDS -> "the available funds of client " + client + " are less than the amount";
            case UNKNOWN_TX -> "tx " + tx + " is not a deposit of client " + client;
            case ALREADY_DISPUTED -> "deposit " + tx + " is already under dispute";
            case CHARGED_BACK -> "deposit " + tx + " was charged back";
            case NOT_DISPUTED -> "deposit " + tx + " is not under dispute";
            case NEGATIVE_TOTAL -> "charging back deposit " + tx + " would make the total negative; the dispute stays"
                    + " open";
            case MALFORMED, INVALID_AMOUNT -> "the row breaks the input rules";
        };
    }

    public static RejectionReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

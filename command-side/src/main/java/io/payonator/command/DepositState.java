package io.payonator.command;

/**
 * Where a deposit stands in the dispute lifecycle of SPEC.md, as a client's {@link DepositBook} and
 * the stored deposits ({@link StoredDeposits}) keep it. {@link #code()} is what the table stores, so
 * the constants keep their order.
 */
public enum DepositState {
    /** Not a deposit of this client: the tx id is unknown, another client's, or not a deposit. */
    UNKNOWN, UNDISPUTED, DISPUTED, CHARGED_BACK;

    private static final DepositState[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    public static DepositState fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no deposit state has code " + code);
        }
        return BY_CODE[code];
    }
}

package io.payonator.api;

import java.util.Locale;

/**
 * Where an accepted deposit stands in the dispute process. A resolved deposit may be disputed
 * again; a charged-back one is final. Withdrawals cannot be disputed: always {@link #NONE}.
 */
public enum DisputeState {
    NONE, DISPUTED, RESOLVED, CHARGED_BACK;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The state as the query tables and the service show it, e.g. {@code charged_back}. */
    public String code() {
        return code;
    }

    public static DisputeState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

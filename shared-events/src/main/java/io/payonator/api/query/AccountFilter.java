package io.payonator.api.query;

import java.util.Arrays;
import java.util.Optional;

/** Which accounts a {@link FindAccounts} keeps. */
public enum AccountFilter {
    ALL("all"),
    LOCKED("locked"),
    NEGATIVE_AVAILABLE("negative"),
    HOLDING_FUNDS("holding");

    private final String code;

    AccountFilter(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AccountFilter> fromCode(String code) {
        return Arrays.stream(values()).filter(filter -> filter.code.equals(code)).findFirst();
    }
}

package io.payonator.api;

import java.util.Locale;
import java.util.Optional;

/** The five transaction types of SPEC.md. */
public enum TransactionType {
    DEPOSIT, WITHDRAWAL, DISPUTE, RESOLVE, CHARGEBACK;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    /** Deposits and withdrawals carry an amount and reserve their tx id; the others refer to a deposit. */
    public boolean movesMoney() {
        return this == DEPOSIT || this == WITHDRAWAL;
    }

    /** Matches a type name case-insensitively, as SPEC.md requires, over ASCII letters only. */
    public static Optional<TransactionType> fromCode(String text) {
        for (TransactionType type : values()) {
            if (AsciiCase.equalsIgnoreCase(type.code, text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

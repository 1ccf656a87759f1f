package io.payonator.command.intake;

import io.payonator.api.command.ChargeBackDeposit;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.DepositFunds;
import io.payonator.api.command.DisputeDeposit;
import io.payonator.api.InvalidAmountException;
import io.payonator.api.Money;
import io.payonator.api.command.ResolveDispute;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;
import io.payonator.api.command.WithdrawFunds;

import static io.payonator.api.RejectionReason.INVALID_AMOUNT;
import static io.payonator.api.RejectionReason.MALFORMED;

/**
 * Turns one row's fields into the command for its client: validates the fields (SPEC.md, Input)
 * and, for a well-formed deposit or withdrawal, reserves its tx id. Must be called in input order,
 * from one thread per stream, before commands are spread over workers.
 */
public final class TransactionIntake {

    public static final int MAX_CLIENT = 65_535;
    public static final long MAX_TX = 4_294_967_295L;

    private final TransactionIdRegistry registry;

    public TransactionIntake(TransactionIdRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param amount the amount field, or {@code null} when the row has none
     * @throws MalformedRowException if a field breaks SPEC.md's input rules; nothing is reserved then
     */
    public ClientCommand admit(String type, String client, String tx, String amount, RowOrigin origin)
            throws MalformedRowException {
        TransactionType parsedType = TransactionType.fromCode(type)
                .orElseThrow(() -> malformed("unknown transaction type '" + type + "'"));
        int parsedClient = (int) parseId("client", client, MAX_CLIENT);
        long parsedTx = parseId("tx", tx, MAX_TX);
        return switch (parsedType) {
            case DEPOSIT -> new DepositFunds(parsedClient, parsedTx, positiveAmount(amount),
                    !registry.reserve(parsedTx), origin);
            case WITHDRAWAL -> new WithdrawFunds(parsedClient, parsedTx, positiveAmount(amount),
                    !registry.reserve(parsedTx), origin);
            case DISPUTE -> new DisputeDeposit(parsedClient, parsedTx, origin);
            case RESOLVE -> new ResolveDispute(parsedClient, parsedTx, origin);
            case CHARGEBACK -> new ChargeBackDeposit(parsedClient, parsedTx, origin);
        };
    }

    /**
     * The tx id a row of these fields reserves if it is well-formed (a deposit or withdrawal with
     * a valid tx field), or {@link Reservations#NONE}: for a writer that looks up the ids of the
     * rows it will decide together before it admits them one by one. Nothing is checked further,
     * and a missing field ({@code null}) reserves nothing.
     */
    public static long reservableTx(String type, String tx) {
        if (type == null || tx == null) {
            return Reservations.NONE;
        }
        boolean reserving = TransactionType.fromCode(type)
                .filter(parsed -> parsed == TransactionType.DEPOSIT || parsed == TransactionType.WITHDRAWAL)
                .isPresent();
        long id = reserving ? scanId(tx, MAX_TX) : Reservations.NONE;
        return id >= 0 ? id : Reservations.NONE;
    }

    private static Money positiveAmount(String amount) throws MalformedRowException {
        if (amount == null || amount.isEmpty()) {
            throw new MalformedRowException(INVALID_AMOUNT, "amount is missing");
        }
        try {
            return Money.parsePositive(amount);
        } catch (InvalidAmountException e) {
            throw new MalformedRowException(INVALID_AMOUNT, e.getMessage());
        }
    }

    /** {@link #scanId}'s refusals: the text is empty, holds other than digits, or exceeds the maximum. */
    private static final long MISSING = -1;
    private static final long NOT_UNSIGNED = -2;
    private static final long OUT_OF_RANGE = -3;

    /** A plain unsigned decimal integer within {@code 0..max}; leading zeros are allowed. */
    private static long parseId(String field, String text, long max) throws MalformedRowException {
        long value = scanId(text, max);
        if (value == MISSING) {
            throw malformed(field + " is missing");
        }
        if (value == NOT_UNSIGNED) {
            throw malformed(field + " '" + text + "' is not an unsigned integer");
        }
        if (value == OUT_OF_RANGE) {
            throw malformed(field + " '" + text + "' is out of range 0.." + max);
        }
        return value;
    }

    /** {@link #parseId}'s reading: the value, or the negative code of why the text is refused. */
    private static long scanId(String text, long max) {
        if (text.isEmpty()) {
            return MISSING;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_UNSIGNED;
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                return OUT_OF_RANGE;
            }
        }
        return value;
    }

    private static MalformedRowException malformed(String detail) {
        return new MalformedRowException(MALFORMED, detail);
    }
}

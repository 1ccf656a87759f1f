package io.payonator.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An exact amount of money in fixed point: 1/10000 units in a signed 64-bit long.
 * Never floating point; arithmetic that would not fit fails instead of wrapping.
 */
public record Money(long units) implements Comparable<Money> {

    public static final int SCALE = 4;
    public static final Money ZERO = new Money(0);
    private static final long UNITS_PER_WHOLE = 10_000L;

    /**
     * Parses a plain decimal as SPEC.md allows it: digits, optionally a point and one to four
     * fractional digits. No sign, exponent, separator or surrounding space.
     *
     * @throws InvalidAmountException naming why the text is not such an amount
     */
    public static Money parse(CharSequence text) {
        int length = text.length();
        if (length == 0) {
            throw new InvalidAmountException("amount is missing");
        }
        long whole = 0;
        int i = 0;
        for (; i < length && text.charAt(i) != '.'; i++) {
            whole = appendDigit(whole, text.charAt(i), text);
        }
        if (i == 0) {
            throw new InvalidAmountException("amount '" + text + "' has no integer digits");
        }
        int fractionDigits = length - i - 1;
        if (i < length && fractionDigits == 0) {
            throw new InvalidAmountException("amount '" + text + "' ends with a decimal point");
        }
        if (fractionDigits > SCALE) {
            throw new InvalidAmountException("amount '" + text + "' has more than " + SCALE + " fractional digits");
        }
        long fraction = 0;
        for (int j = i + 1; j < length; j++) {
            fraction = appendDigit(fraction, text.charAt(j), text);
        }
        for (int k = Math.max(fractionDigits, 0); k < SCALE; k++) {
            fraction *= 10;
        }
        try {
            return new Money(Math.addExact(Math.multiplyExact(whole, UNITS_PER_WHOLE), fraction));
        } catch (ArithmeticException tooLarge) {
            throw new InvalidAmountException("amount '" + text + "' is too large for the ledger");
        }
    }

    /** Parses an amount that must be greater than zero, as deposits and withdrawals require. */
    public static Money parsePositive(CharSequence text) {
        Money amount = parse(text);
        if (amount.units <= 0) {
            throw new InvalidAmountException("amount '" + text + "' is not greater than zero");
        }
        return amount;
    }

    private static long appendDigit(long value, char c, CharSequence text) {
        if (c < '0' || c > '9') {
            throw new InvalidAmountException("amount '" + text + "' is not a plain decimal");
        }
        try {
            return Math.addExact(Math.multiplyExact(value, 10), c - '0');
        } catch (ArithmeticException tooLarge) {
            throw new InvalidAmountException("amount '" + text + "' is too large for the ledger");
        }
    }

    @JsonCreator
    public static Money fromJson(String text) {
        boolean negative = text.startsWith("-");
        Money magnitude = parse(negative ? text.substring(1) : text);
        return negative ? new Money(-magnitude.units) : magnitude;
    }

    public boolean canAdd(Money other) {
        long sum = units + other.units;
        return ((units ^ sum) & (other.units ^ sum)) >= 0;
    }

    public boolean canSubtract(Money other) {
        long difference = units - other.units;
        return ((units ^ other.units) & (units ^ difference)) >= 0;
    }

    /** @throws ArithmeticException if the sum does not fit; check {@link #canAdd} first */
    public Money plus(Money other) {
        return new Money(Math.addExact(units, other.units));
    }

    /** @throws ArithmeticException if the difference does not fit; check {@link #canSubtract} first */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(units, other.units));
    }

    public boolean isNegative() {
        return units < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(units, other.units);
    }

    /** Four fractional digits always, as the accounts CSV shows them: {@code -8.0000}, {@code 12.3456}. */
    @JsonValue
    @Override
    public String toString() {
        long whole = units / UNITS_PER_WHOLE;
        long fraction = Math.abs(units % UNITS_PER_WHOLE);
        StringBuilder out = new StringBuilder(24);
        if (units < 0 && whole == 0) {
            out.append('-');
        }
        out.append(whole).append('.');
        String digits = Long.toString(fraction);
        out.append("0".repeat(SCALE - digits.length())).append(digits);
        return out.toString();
    }
}

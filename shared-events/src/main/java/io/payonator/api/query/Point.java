package io.payonator.api.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A point in the ledger's history: a position in the event store (its global sequence, from 1), or
 * a time, which stands for the last position the ledger recorded at or before it. Exactly one of
 * the two is set.
 */
public record Point(Long position, Instant time) {

    public Point {
        if ((position == null) == (time == null)) {
            throw new IllegalArgumentException("a point is a position or a time, exactly one of them");
        }
        if (position != null && position < 0) {
            throw new IllegalArgumentException("a position is 0 or more, was " + position);
        }
    }

    public static Point at(long position) {
        return new Point(position, null);
    }

    public static Point at(Instant time) {
        return new Point(null, time);
    }

    /**
     * Reads a position (plain digits) or an ISO-8601 instant ({@code 2026-11-30T03:00:00Z}).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Point parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return at(Long.parseLong(value));
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("position '" + value + "' is too large");
            }
        }
        try {
            return at(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is neither a position (digits) nor an ISO-8601"
                    + " instant such as 2026-11-30T03:00:00Z");
        }
    }

    @Override
    public String toString() {
        return position != null ? position.toString() : time.toString();
    }
}

package io.payonator.ops.ledger;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes the event store's timestamps. Axon writes them as {@code 2026-11-24T09:15:57.716Z}
 * (UTC, milliseconds, see {@link DateTimeUtils#formatInstant}) and parses them with a general ISO-8601
 * formatter, twice for every event a processor reads: a seventh of the projection's time. This
 * reads that one layout directly and leaves anything else to Axon's parser. Writing, Axon's
 * formatter was 7% of an import worker's time; the events of a chunk are stamped within the same
 * few seconds, so the text up to the second is kept and only the milliseconds are written anew.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-11-24T09:15:57.716Z".length();
    /** Years of four digits: the layout Axon gives them, which the shortcut below reproduces. */
    private static final long FIRST_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long END_SECOND = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    /** A second and its text up to the decimal point, {@code 2026-11-24T09:15:57.}; replaced as a whole. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private StoredTimestamps() {
    }

    /** Exactly what {@link DateTimeUtils#formatInstant} gives, cheaper when the second repeats. */
    static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_SECOND || epochSecond >= END_SECOND) {
            return DateTimeUtils.formatInstant(instant);
        }
        Second second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            String full = DateTimeUtils.formatInstant(Instant.ofEpochSecond(epochSecond));
            second = new Second(epochSecond, full.substring(0, full.length() - "000Z".length()));
            lastSecond = second;
        }
        int millis = instant.getNano() / 1_000_000;
        char[] tail = {(char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'};
        return second.text().concat(new String(tail));
    }

    static Instant parse(String text) {
        if (!hasAxonLayout(text)) {
            return DateTimeUtils.parseInstant(text);
        }
        long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)).toEpochDay();
        long second = day * 86_400 + digits(text, 11, 2) * 3_600L + digits(text, 14, 2) * 60L + digits(text, 17, 2);
        return Instant.ofEpochSecond(second, digits(text, 20, 3) * 1_000_000L);
    }

    private static boolean hasAxonLayout(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return false;
        }
        for (int i : new int[]{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22}) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return digits(text, 11, 2) < 24 && digits(text, 14, 2) < 60 && digits(text, 17, 2) < 60;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}

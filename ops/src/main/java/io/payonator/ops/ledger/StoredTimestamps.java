package io.payonator.ops.ledger;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the event store's timestamps. Axon writes them as {@code 2026-11-24T09:15:57.716Z} (UTC,
 * milliseconds, see {@link DateTimeUtils#formatInstant}) and parses them with a general ISO-8601
 * formatter, twice for every event a processor reads: a seventh of the projection's time. This
 * reads that one layout directly and leaves anything else to Axon's parser.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-11-24T09:15:57.716Z".length();

    private StoredTimestamps() {
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

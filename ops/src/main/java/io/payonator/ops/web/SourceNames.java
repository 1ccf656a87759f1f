package io.payonator.ops.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The source names of the rows submitted to the service, {@code api:<arrival time>#<request number>}.
 * The rejects report sorts by name, as text: the time has a fixed width (milliseconds always, where
 * {@link Instant#toString} drops ".000" and "22Z" would sort after "22.121Z"), and no two requests
 * of one process get the same millisecond, nor an earlier one than the request before (the clock may
 * step back), so names sort in arrival order by their time alone ("#10" sorts before "#9").
 */
public final class SourceNames {

    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String API_PREFIX = "api:";

    private final Clock clock;
    private long lastMillis = Long.MIN_VALUE;
    private long requests;
    /** The second of the last name and its text: formatting a time was 1% of a deposit's CPU. */
    private long second = Long.MIN_VALUE;
    private String secondText;

    SourceNames(Clock clock) {
        this.clock = clock;
    }

    /**
     * A source as the API shows it: an imported file by its name only. The import records the path
     * it was given, often an absolute one, and the server's folders are nobody's business.
     */
    public static String shown(String source) {
        if (source.startsWith(API_PREFIX)) {
            return source;
        }
        int lastSeparator = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(lastSeparator + 1);
    }

    synchronized String next() {
        lastMillis = lastMillis == Long.MIN_VALUE ? clock.millis() : Math.max(clock.millis(), lastMillis + 1);
        requests++;
        return API_PREFIX + arrival(lastMillis) + "#" + requests;
    }

    /** {@code millis} as {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
    private String arrival(long millis) {
        long epochSecond = Math.floorDiv(millis, 1000L);
        long inSecond = Math.floorMod(millis, 1000L);
        if (epochSecond != second) {
            second = epochSecond;
            secondText = SECOND.format(Instant.ofEpochSecond(second));
        }
        return secondText + (inSecond < 10 ? ".00" : inSecond < 100 ? ".0" : ".") + inSecond + "Z";
    }
}

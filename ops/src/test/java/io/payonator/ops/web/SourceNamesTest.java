package io.payonator.ops.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows submitted to the service are named so that the rejects report, sorting by name, lists them in arrival order. */
class SourceNamesTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T17:32:22Z"));
    private final SourceNames names = new SourceNames(clock);

    @Test
    void aWholeSecondKeepsItsMilliseconds() {
        assertThat(names.next()).isEqualTo("api:2026-11-24T17:32:22.000Z#1");
    }

    /** Instant.toString would drop ".000", and "22Z" sorts after "22.121Z". */
    @Test
    void aWholeSecondSortsBeforeTheMillisecondsAfterIt() {
        String first = names.next();

        assertThat(nameAt("2026-11-24T17:32:22.121Z")).isEqualTo("api:2026-11-24T17:32:22.121Z#2")
                .isGreaterThan(first);
    }

    /** The request number alone would not do: "#10" sorts before "#9". */
    @Test
    void requestsWithinOneMillisecondGetTimesOneMillisecondApart() {
        List<String> arrived = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            arrived.add(names.next());
        }

        assertThat(arrived.get(9)).isEqualTo("api:2026-11-24T17:32:22.009Z#10");
        assertThat(arrived).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
    }

    @Test
    void aClockThatGoesBackDoesNotReorderTheNames() {
        String first = nameAt("2026-11-24T17:32:22.500Z");

        assertThat(nameAt("2026-11-24T17:32:21.900Z")).isEqualTo("api:2026-11-24T17:32:22.501Z#2")
                .isGreaterThan(first);
    }

    @Test
    void timesAreUtcWhateverTheClocksZone() {
        SourceNames inParis = new SourceNames(Clock.fixed(Instant.parse("2026-01-02T03:04:05.006Z"), ZoneId.of("Europe/Paris")));

        assertThat(inParis.next()).isEqualTo("api:2026-01-02T03:04:05.006Z#1");
    }

    /** Each second's text is made once; the name is still the time to the millisecond. */
    @Test
    void everyMillisecondAcrossSecondsAndYearsIsNamedAsTheFormatterNamesIt() {
        DateTimeFormatter arrival = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Instant start = Instant.parse("2026-12-31T23:59:58.990Z");
        for (int i = 0; i < 2_100; i++) {
            Instant time = start.plusMillis(i);
            String name = nameAt(time.toString());
            assertThat(name).isEqualTo("api:" + arrival.format(time) + "#" + (i + 1));
        }
    }

    private String nameAt(String instant) {
        clock.now = Instant.parse(instant);
        return names.next();
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package io.payonator.ops.ledger;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonWould() {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int i = 0; i < 100_000; i++) {
            // from 1970 to 2200, millisecond precision, as Axon stores them
            Instant instant = Instant.ofEpochMilli(random.nextLong(7_258_118_400_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(instant)
                    .isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void leavesOtherLayoutsToAxonsParser() {
        for (String other : new String[]{"2026-11-24T09:15:57Z", "2026-11-24T09:15:57.716123Z",
                "2026-11-24T10:15:57.716+01:00", "2026-11-24T09:15:57.716-00:30"}) {
            assertThat(StoredTimestamps.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @Test
    void writesWhatAxonWould() {
        SplittableRandom random = new SplittableRandom(20261130);
        Instant previous = Instant.EPOCH;
        for (int i = 0; i < 100_000; i++) {
            // mostly the same second as the one before, as a chunk's events are; sometimes any other
            Instant instant = random.nextInt(4) == 0 ? Instant.ofEpochMilli(random.nextLong(7_258_118_400_000L))
                    : previous.plusMillis(random.nextInt(3));
            assertThat(StoredTimestamps.format(instant)).isEqualTo(DateTimeUtils.formatInstant(instant));
            previous = instant;
        }
        for (Instant edge : new Instant[]{Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.5Z"),
                Instant.ofEpochSecond(1, 999_999_999)}) {
            assertThat(StoredTimestamps.format(edge)).isEqualTo(DateTimeUtils.formatInstant(edge));
        }
    }
}

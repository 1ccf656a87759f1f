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
}

package io.payonator.ops.ledger;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch after a full one is read on another thread and handed out only to a request from
 * where the full batch ended; everything else is read directly, with the same result as without
 * reading ahead.
 */
class ReadAheadTest {

    private static final int BATCH = 3;

    /** A store of 7 events, positions 1 to 7; each read records its start position and its thread. */
    private final List<String> reads = new CopyOnWriteArrayList<>();
    /** A read from this position fails, once. */
    private final AtomicLong failOnceAfter = new AtomicLong(-1);
    private final ReadAhead readAhead = new ReadAhead((from, size) -> {
        long after = from == null ? 0 : from.position().orElseThrow();
        reads.add(after + " on " + Thread.currentThread().getName());
        if (failOnceAfter.compareAndSet(after, -1)) {
            throw new EventStoreException("disk I/O error");
        }
        return LongStream.rangeClosed(after + 1, Math.min(7, after + size)).mapToObj(ReadAheadTest::event).toList();
    });

    @Test
    void theBatchAfterAFullOneIsReadAheadAndHandedToTheRequestFromItsStart() {
        assertThat(positions(readAhead.fetch(null, BATCH))).containsExactly(1L, 2L, 3L);
        assertThat(positions(readAhead.fetch(token(3), BATCH))).containsExactly(4L, 5L, 6L);
        assertThat(positions(readAhead.fetch(token(6), BATCH))).containsExactly(7L);

        assertThat(reads).containsExactly("0 on " + caller(), "3 on event-read-ahead", "6 on event-read-ahead");
    }

    @Test
    void afterAShortBatchNothingIsReadAhead() {
        readAhead.fetch(token(6), BATCH);
        readAhead.fetch(token(7), BATCH);

        assertThat(reads).containsExactly("6 on " + caller(), "7 on " + caller());
    }

    @Test
    void aRequestFromElsewhereIsReadDirectlyAndTheBatchReadAheadDropped() {
        readAhead.fetch(null, BATCH);
        assertThat(positions(readAhead.fetch(null, BATCH))).as("a reset stream starts again")
                .containsExactly(1L, 2L, 3L);
        assertThat(positions(readAhead.fetch(token(3), 2))).as("another batch size").containsExactly(4L, 5L);

        assertThat(reads).filteredOn(read -> read.endsWith(caller())).containsExactly("0 on " + caller(),
                "0 on " + caller(), "3 on " + caller());
    }

    @Test
    void aFailedReadAheadFailsTheRequestThatWouldHaveReadIt() {
        failOnceAfter.set(3);
        readAhead.fetch(null, BATCH);
        assertThatThrownBy(() -> readAhead.fetch(token(3), BATCH)).isInstanceOf(EventStoreException.class)
                .hasMessage("disk I/O error");

        assertThat(positions(readAhead.fetch(token(3), BATCH))).as("the retry reads directly")
                .containsExactly(4L, 5L, 6L);
        assertThat(reads).startsWith("0 on " + caller(), "3 on event-read-ahead", "3 on " + caller());
    }

    private static TrackedEventData<?> event(long position) {
        return new TrackedDomainEventData<>(token(position), new GenericDomainEventEntry<>("Client", "1", position,
                "event-" + position, Instant.EPOCH, "Deposited", null, new byte[0], new byte[0]));
    }

    private static TrackingToken token(long position) {
        return GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
    }

    private static List<Long> positions(List<? extends TrackedEventData<?>> batch) {
        return batch.stream().map(event -> event.trackingToken().position().orElseThrow()).toList();
    }

    private static String caller() {
        return Thread.currentThread().getName();
    }
}

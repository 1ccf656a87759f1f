package io.payonator.ops.ledger.postgres;

import io.payonator.api.RejectionReason;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.RowOrigin;
import io.payonator.ops.ledger.EventStoreConnections;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.ops.testing.TestPostgres;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, transactions draw event positions in one order and may commit in another, and
 * rolled-back ones leave holes. Concurrent appenders here keep their transactions open for a
 * while after inserting, and a quarter of them roll back: every committed event must be projected
 * exactly once (a rejected row's key is its event's position, so a second application would fail
 * the projection), none that rolled back, and no event may ever appear at or below a position a
 * reader has already seen as the head.
 */
class PostgresAppendOrderTest {

    private static final int APPENDERS = 4;
    private static final int UNITS_EACH = 30;
    private static final long SEED = 20261130L;

    @Test
    void everyCommittedEventIsProjectedOnceAndNoneAppearsBelowASeenHead() throws Exception {
        String url = TestPostgres.newDatabase();
        Set<String> committed = new ConcurrentSkipListSet<>();
        List<long[]> headsSeen = new ArrayList<>();
        try (Ledger ledger = Ledger.open(PostgresLocation.parse(url))) {
            EventBus events = ledger.get(EventBus.class);
            EventStoreConnections connections = ledger.get(EventStoreConnections.class);
            AtomicBoolean appending = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(APPENDERS + 1);
            Future<?> reader = threads.submit(() -> watchHeads(url, appending, headsSeen));
            List<Future<?>> appenders = new ArrayList<>();
            for (int appender = 0; appender < APPENDERS; appender++) {
                int id = appender;
                appenders.add(threads.submit(() -> append(id, events, connections, committed)));
            }
            for (Future<?> appenderDone : appenders) {
                appenderDone.get();
            }
            appending.set(false);
            reader.get();
            threads.shutdown();
            ledger.get(ProjectionCatchUp.class).await(Duration.ofMinutes(1));

            assertThat(projectedRows(url)).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(committed).hasSizeGreaterThan(APPENDERS * UNITS_EACH);
            assertThat(gapsCarried(ledger)).as("holes of rolled-back appends carried by the events' tokens").isZero();
        }
        assertThat(headsSeen).isNotEmpty();
        for (long[] seen : headsSeen) {
            assertThat(eventsUpTo(url, seen[0])).as("events at or below head %d", seen[0]).isEqualTo(seen[1]);
        }
    }

    /** Units of work of one to five events each; a quarter roll back after their events were inserted. */
    private static Void append(int appender, EventBus events, EventStoreConnections connections, Set<String> committed)
            throws InterruptedException {
        Random random = new Random(SEED + appender);
        for (int unit = 0; unit < UNITS_EACH; unit++) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(connections.transactionManager());
            List<String> rows = new ArrayList<>();
            for (int event = 0; event <= random.nextInt(5); event++) {
                String source = "appender-" + appender;
                int line = unit * 10 + event;
                events.publish(GenericEventMessage.asEventMessage(new RowMalformed(new RowOrigin(source, line),
                        RejectionReason.MALFORMED, "test")));
                rows.add(source + ":" + line);
            }
            boolean rollBack = random.nextInt(4) == 0;
            long holdMillis = random.nextInt(20);
            // after the event store's own handler has inserted the events, inside their transaction
            unitOfWork.onPrepareCommit(u -> {
                sleep(holdMillis);
                if (rollBack) {
                    throw new IllegalStateException("rolled back on purpose");
                }
            });
            try {
                unitOfWork.commit();
                committed.addAll(rows);
            } catch (IllegalStateException expected) {
                assertThat(rollBack).isTrue();
            }
        }
        return null;
    }

    /**
     * The gaps the tokens of the stored events carry, summed over every event read from the start.
     * The holes rolled-back appends leave never fill (appends commit in turn), and a token carrying
     * them is copied for every event read: thousands of holes made a batch outgrow a small heap.
     */
    private static long gapsCarried(Ledger ledger) throws InterruptedException {
        long gaps = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = ledger.get(EventStore.class).openStream(null)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                gaps += ((GapAwareTrackingToken) stream.nextAvailable().trackingToken()).getGaps().size();
            }
        }
        return gaps;
    }

    /** Notes the head now and then, with how many events are at or below it. */
    private static Void watchHeads(String url, AtomicBoolean appending, List<long[]> seen) throws SQLException,
            InterruptedException {
        try (Connection connection = DriverManager.getConnection(url)) {
            while (appending.get()) {
                try (Statement statement = connection.createStatement();
                     ResultSet head = statement.executeQuery("SELECT max(globalIndex), count(*) FROM DomainEventEntry")) {
                    head.next();
                    if (head.getLong(2) > 0) {
                        seen.add(new long[]{head.getLong(1), head.getLong(2)});
                    }
                }
                Thread.sleep(3);
            }
        }
        return null;
    }

    private static long eventsUpTo(String url, long position) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM DomainEventEntry WHERE globalIndex <= ?")) {
            count.setLong(1, position);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Set<String> projectedRows(String url) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT source, line FROM rejected_row")) {
            while (result.next()) {
                assertThat(rows.add(result.getString(1) + ":" + result.getLong(2))).isTrue();
            }
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.payonator.ops.ledger.postgres;

import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;
import io.payonator.api.event.RowMalformed;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.ops.testing.TestPostgres;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which processor runs the projection on one node of a PostgreSQL ledger: the single-threaded
 * tracking one, which imports and replays several times faster than the pooled one, unless a
 * cluster left the projection's position split into segments, which only the pooled processor
 * follows all of. Either way every event is projected.
 */
class PostgresProjectionProcessorTest {

    private static final String POOLED = "payonator.projection.pooled";

    @AfterEach
    void forgetPooled() {
        System.clearProperty(POOLED);
    }

    @Test
    void aLedgerServedAloneIsProjectedByATrackingProcessor() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Ledger ledger = Ledger.open(PostgresLocation.parse(url))) {
            assertThat(projection(ledger)).isInstanceOf(TrackingEventProcessor.class);
            appendRows(ledger, "alone", 3);
        }
        assertThat(projectedRows(url)).isEqualTo(3);
    }

    @Test
    void aProjectionAClusterLeftInSegmentsIsFollowedWholeByOneNode() throws Exception {
        String url = TestPostgres.newDatabase();
        System.setProperty(POOLED, "true");
        try (Ledger clusterNode = Ledger.open(PostgresLocation.parse(url))) {
            assertThat(projection(clusterNode)).isInstanceOf(PooledStreamingEventProcessor.class);
            appendRows(clusterNode, "cluster", 40);
        }
        System.clearProperty(POOLED);

        try (Ledger alone = Ledger.open(PostgresLocation.parse(url))) {
            assertThat(projection(alone)).isInstanceOf(PooledStreamingEventProcessor.class);
            appendRows(alone, "alone", 40);
        }
        assertThat(projectedRows(url)).isEqualTo(80);
    }

    private static StreamingEventProcessor projection(Ledger ledger) {
        return ledger.get(ProjectionCatchUp.class).processor();
    }

    /** Malformed rows of many sources: their events spread over the segments, each is one rejects row. */
    private static void appendRows(Ledger ledger, String source, int rows) throws Exception {
        EventBus events = ledger.get(EventBus.class);
        for (int line = 1; line <= rows; line++) {
            RowOrigin origin = new RowOrigin(source + "-" + line, line);
            DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(GenericEventMessage.asEventMessage(
                    new RowMalformed(origin, RejectionReason.MALFORMED, "test"))));
        }
        ledger.get(ProjectionCatchUp.class).await(Duration.ofMinutes(1));
    }

    private static long projectedRows(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM rejected_row")) {
            count.next();
            return count.getLong(1);
        }
    }
}

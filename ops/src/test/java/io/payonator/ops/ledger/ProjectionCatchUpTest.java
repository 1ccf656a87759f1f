package io.payonator.ops.ledger;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.api.command.DepositFunds;
import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting for the projection, on a real ledger, when its thread has died. */
class ProjectionCatchUpTest {

    /** What kills a processor's thread: an error Axon's processing loop does not handle, like running out of memory. */
    private static final class ThreadKilled extends Error {
        ThreadKilled() {
            super("the projection's thread is killed by the test");
        }
    }

    @TempDir
    Path work;

    @Test
    void aProjectionWhoseThreadDiedIsReportedWithoutWaitingOutTheTimeout() {
        try (Ledger ledger = Ledger.open(SqliteLocation.of(work.resolve("ledger.db")))) {
            ProjectionCatchUp projection = ledger.get(ProjectionCatchUp.class);
            projection.processor().registerHandlerInterceptor((unitOfWork, chain) -> {
                throw new ThreadKilled();
            });
            ledger.get(CommandGateway.class).sendAndWait(
                    new DepositFunds(1, 1, Money.parse("1.0"), false, new RowOrigin("rows.csv", 2)));

            // the timeout is far longer than any run: a wait that ran into it would fail with another message
            assertThatThrownBy(() -> projection.await(Duration.ofHours(2)))
                    .isInstanceOf(ProjectionFailedException.class)
                    .hasMessageContaining("thread stopped on an error");
        }
    }
}

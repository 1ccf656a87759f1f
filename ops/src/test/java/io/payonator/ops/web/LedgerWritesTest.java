package io.payonator.ops.web;

import java.sql.Connection;
import java.util.Properties;
import io.payonator.ops.ledger.ProjectionReadConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes are refused (503) while a replay runs, and after one that failed once the tables were emptied. */
class LedgerWritesTest {

    private final ProjectionReadConnections reads = new ProjectionReadConnections("jdbc:sqlite::memory:", new Properties(),
            "PRAGMA query_only = true", Connection.TRANSACTION_SERIALIZABLE);
    private final LedgerWrites writes = new LedgerWrites(reads);

    @AfterEach
    void close() {
        reads.close();
    }

    @Test
    void writesRunWhenNoReplayRuns() {
        assertThat(writes.exclusive(() -> "written")).isEqualTo("written");
    }

    @Test
    void aReplayRefusesWritesUntilItIsDone() {
        writes.beginReplay();

        assertThatThrownBy(() -> writes.exclusive(() -> "written"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isNotNull();
                });
        assertThatThrownBy(writes::beginReplay)
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));

        writes.endReplay(true);
        assertThat(writes.exclusive(() -> "written")).isEqualTo("written");
    }

    /** Health and metrics ask for the state: they must not wait for a write of many rows to finish. */
    @Test
    void theStateIsReadWithoutWaitingForTheWriteInProgress() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(() -> writes.exclusive(() -> {
            writing.countDown();
            return released(finish);
        }));
        try {
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<String> state = CompletableFuture.supplyAsync(
                    () -> "open " + writes.open() + ", replaying " + writes.replaying());

            assertThat(state.get(1, TimeUnit.SECONDS)).isEqualTo("open true, replaying false");
        } finally {
            finish.countDown();
        }
        assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReplayThatFailedBeforeTheResetReopensWrites() {
        writes.beginReplay();
        writes.endReplay(false);

        assertThat(writes.exclusive(() -> "written")).isEqualTo("written");
    }

    private static boolean released(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

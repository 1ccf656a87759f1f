package io.payonator.ops.web;

import io.payonator.ops.ledger.ProjectionReadConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes are refused (503) while a replay runs, and after one that failed once the tables were emptied. */
class LedgerWritesTest {

    private final ProjectionReadConnections reads = new ProjectionReadConnections("jdbc:sqlite::memory:");
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

    @Test
    void aReplayThatFailedBeforeTheResetReopensWrites() {
        writes.beginReplay();
        writes.endReplay(false);

        assertThat(writes.exclusive(() -> "written")).isEqualTo("written");
    }
}

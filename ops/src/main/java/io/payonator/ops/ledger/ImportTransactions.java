package io.payonator.ops.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The import's writes to the ledger: one transaction per chunk of rows, on a connection of its
 * own. The events of every worker's share of a chunk and the import's progress marks commit
 * together or not at all, so an import killed at any moment resumes exactly after its last
 * committed chunk. Chunks commit in input order, one at a time.
 *
 * <p>A chunk's transaction claims the right to write at its first write, not when its rows are
 * handed out: the projection writes between chunks. When another connection or process holds the
 * ledger for longer than the backend waits ({@link StorageBackend#isBusy}), the claim is retried
 * with growing pauses; nothing of the chunk has been written then, so the retry is safe.
 */
@Component
public class ImportTransactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportTransactions.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final StorageBackend backend;
    private final Duration busyRetryFor;
    private Connection connection;
    private ChunkTransaction latest;

    ImportTransactions(StorageBackend backend,
                       @Value("${payonator.import.busy-retry-seconds:600}") long busyRetrySeconds) {
        this.backend = backend;
        this.busyRetryFor = Duration.ofSeconds(busyRetrySeconds);
    }

    /** The transaction of the next chunk; it begins only after every chunk created before it has ended. */
    public synchronized ChunkTransaction next() {
        latest = new ChunkTransaction(this, latest);
        return latest;
    }

    /**
     * The transaction of a chunk that does not depend on the chunks before it having been stored: a
     * part of an import decided on a client's owner in a cluster, which stands or falls alone. Only
     * once every chunk before it has ended.
     */
    public synchronized ChunkTransaction nextAlone() {
        if (latest != null && !latest.hasEnded()) {
            throw new IllegalStateException("a chunk transaction is still open");
        }
        latest = new ChunkTransaction(this, null);
        return latest;
    }

    /**
     * Reads what the import's committed chunks recorded, on the import's own connection, so that
     * planning an import never waits for the projection's connection. Only between chunks.
     */
    public <R> R read(ChunkTransaction.Write<R> query) throws SQLException {
        if (latest != null && !latest.hasEnded()) {
            throw new IllegalStateException("a chunk transaction is open: it would read its uncommitted writes");
        }
        return query.apply(connection());
    }

    /** What a failure of the import's writes means, in an operator's words. */
    public String describe(Throwable failure) {
        return backend.describe(failure);
    }

    synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = backend.openConnection();
        }
        return connection;
    }

    /**
     * Starts a transaction holding the right to write, waiting out other writers. Chunks begin,
     * commit and roll back one after another (see {@link ChunkTransaction}), never concurrently.
     */
    void begin() throws SQLException, InterruptedException {
        Connection chunk = connection();
        long deadline = System.nanoTime() + busyRetryFor.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                backend.beginChunk(chunk);
                return;
            } catch (SQLException e) {
                chunk.setAutoCommit(true);
                if (!backend.isBusy(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                log.warn("ledger is locked by another writer (attempt {}); retrying in {} ms", attempt, pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    void commit() throws SQLException {
        connection().commit();
        connection().setAutoCommit(true);
    }

    /**
     * Closing the connection discards its open transaction in whatever state a failure left it:
     * SQLite may already have rolled it back by itself, and JDBC's rollback would then fail; a
     * PostgreSQL connection may be gone. The next chunk opens a new connection.
     */
    void rollback() throws SQLException {
        close();
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}

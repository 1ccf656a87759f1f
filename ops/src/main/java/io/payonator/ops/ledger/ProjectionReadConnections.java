package io.payonator.ops.ledger;

import com.zaxxer.hikari.HikariDataSource;
import io.payonator.query.ProjectionReads;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The query side's read-only connections to the ledger file, apart from the projection's single
 * writing connection: in WAL mode a reader never waits for a writer, so the service answers while
 * the projection works. Each read runs in one read transaction, which SQLite serves from one
 * snapshot of the file: a page and its total always agree.
 *
 * <p>A replay empties the tables and fills them again. Before it does, {@link #pinSnapshot()}
 * opens a read transaction on a connection of its own and keeps it open: every read then goes to
 * that connection and sees the tables exactly as they were before the replay, however far the
 * rebuild has got, until {@link #releaseSnapshot()}. No copy is made; SQLite keeps the old pages
 * in the write-ahead log for as long as the transaction is open.
 *
 * <p>The pool starts on the first read: the command line never reads through it and pays nothing.
 */
public final class ProjectionReadConnections implements ProjectionReads, AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final String url;
    private final HikariDataSource pool = new HikariDataSource();
    /** Reads share it; pinning and releasing the snapshot take it alone, so no read straddles a switch. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();
    private Connection snapshot;

    public ProjectionReadConnections(String url) {
        this.url = url;
        pool.setPoolName("reads");
        pool.setJdbcUrl(url);
        pool.setConnectionInitSql("PRAGMA query_only = true");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(0);
        pool.setAutoCommit(false);
    }

    @Override
    public <T> T read(Function<JdbcOperations, T> reads) {
        switching.readLock().lock();
        try {
            if (snapshot != null) {
                // one connection, one transaction: the readers take turns on it
                synchronized (snapshot) {
                    return reads.apply(jdbc(snapshot));
                }
            }
            try (Connection connection = pool.getConnection()) {
                try {
                    return reads.apply(jdbc(connection));
                } finally {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the query tables: " + e.getMessage(), e);
        } finally {
            switching.readLock().unlock();
        }
    }

    /**
     * From now on, reads see the tables as they are at this moment, until {@link #releaseSnapshot()}.
     * Pinning again while pinned keeps the first snapshot.
     */
    public void pinSnapshot() {
        switching.writeLock().lock();
        try {
            if (snapshot == null) {
                snapshot = openSnapshot();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a snapshot of the query tables: " + e.getMessage(), e);
        } finally {
            switching.writeLock().unlock();
        }
    }

    /** Reads see the live tables again. Does nothing when no snapshot is pinned. */
    public void releaseSnapshot() {
        switching.writeLock().lock();
        try {
            if (snapshot != null) {
                Connection pinned = snapshot;
                snapshot = null;
                try (pinned) {
                    pinned.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the snapshot of the query tables: " + e.getMessage(), e);
        } finally {
            switching.writeLock().unlock();
        }
    }

    public boolean snapshotPinned() {
        switching.readLock().lock();
        try {
            return snapshot != null;
        } finally {
            switching.readLock().unlock();
        }
    }

    private Connection openSnapshot() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = true");
            connection.setAutoCommit(false);
            // SQLite starts the read transaction, and so fixes the snapshot, at the first read
            statement.executeQuery("SELECT count(*) FROM account_balance").close();
            return connection;
        } catch (SQLException e) {
            closeAfter(connection, e);
            throw e;
        }
    }

    private static void closeAfter(Connection connection, SQLException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static JdbcOperations jdbc(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    @Override
    public void close() {
        releaseSnapshot();
        pool.close();
    }
}

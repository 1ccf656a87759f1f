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
import java.util.Properties;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The query side's read-only connections to the ledger, apart from the projection's writing
 * connection: a reader never waits for a writer (SQLite in WAL mode, PostgreSQL's MVCC), so the
 * service answers while the projection works. Each read runs in one read transaction served from
 * one snapshot of the tables (SQLite's read transactions, PostgreSQL's repeatable read): a page
 * and its total always agree.
 *
 * <p>A replay empties the tables and fills them again. Before it does, {@link #pinSnapshot()}
 * opens a read transaction on a connection of its own and keeps it open: every read then goes to
 * that connection and sees the tables exactly as they were before the replay, however far the
 * rebuild has got, until {@link #releaseSnapshot()}. No copy is made; SQLite keeps the old pages
 * in the write-ahead log, PostgreSQL the old row versions, for as long as the transaction is open.
 *
 * <p>The pool starts on the first read: the command line never reads through it and pays nothing.
 */
public final class ProjectionReadConnections implements ProjectionReads, AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final String url;
    private final Properties properties;
    private final String initSql;
    private final int isolation;
    private final HikariDataSource pool = new HikariDataSource();
    /** Reads share it; pinning and releasing the snapshot take it alone, so no read straddles a switch. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();
    private Connection snapshot;

    /**
     * @param initSql   makes a connection read-only
     * @param isolation the isolation level that serves a transaction from one snapshot
     */
    public ProjectionReadConnections(String url, Properties properties, String initSql, int isolation) {
        this.url = url;
        this.properties = properties;
        this.initSql = initSql;
        this.isolation = isolation;
        pool.setPoolName("reads");
        pool.setJdbcUrl(url);
        pool.setDataSourceProperties(properties);
        pool.setConnectionInitSql(initSql);
        pool.setTransactionIsolation(isolationName(isolation));
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
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute(initSql);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(false);
            // the read transaction, and so its snapshot, starts at the first read
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

    private static String isolationName(int isolation) {
        return switch (isolation) {
            case Connection.TRANSACTION_SERIALIZABLE -> "TRANSACTION_SERIALIZABLE";
            case Connection.TRANSACTION_REPEATABLE_READ -> "TRANSACTION_REPEATABLE_READ";
            default -> throw new IllegalArgumentException("no snapshot isolation: " + isolation);
        };
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

package io.payonator.ops.ledger.postgres;

import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.StorageBackend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The ledger in a PostgreSQL database. Its writer holds an advisory lock ({@link PostgresWriterLock});
 * a chunk begins only while that lock is still held. Positions come from an identity column, which
 * concurrent transactions would draw in one order and commit in another, leaving a committed event
 * below a position a reader has already passed: every appending transaction therefore first takes
 * a transaction-scoped advisory lock, so transactions that append draw their positions and commit
 * one after another. What remains are holes left by rolled-back transactions, which never fill.
 */
final class PostgresBackend implements StorageBackend {

    private static final String APPEND_IN_ORDER = "SELECT pg_advisory_xact_lock(?, ?)";

    private final String url;
    private final Properties properties;
    private final LedgerLocation.WriterLock writerLock;

    PostgresBackend(String url, Properties properties, LedgerLocation.WriterLock writerLock) {
        this.url = url;
        this.properties = properties;
        this.writerLock = writerLock;
    }

    @Override
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void beginChunk(Connection connection) throws SQLException {
        writerLock.check();
        connection.setAutoCommit(false);
    }

    /** The writer's lock leaves no other writer to wait for. */
    @Override
    public boolean isBusy(Throwable failure) {
        return false;
    }

    @Override
    public String describe(Throwable failure) {
        return PostgresFailures.describe(failure);
    }

    @Override
    public void beforeAppend(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(APPEND_IN_ORDER)) {
            lock.setInt(1, PostgresWriterLock.NAMESPACE);
            lock.setInt(2, PostgresWriterLock.APPEND);
            lock.execute();
        }
    }
}

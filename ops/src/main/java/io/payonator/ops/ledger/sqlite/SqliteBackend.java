package io.payonator.ops.ledger.sqlite;

import io.payonator.ops.ledger.StorageBackend;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ledger in one SQLite file. SQLite lets one writer in at a time, so positions follow commit
 * order by themselves; a chunk claims the write lock with its first statement, and another
 * process holding it shows as {@code SQLITE_BUSY} once the busy timeout has passed.
 */
public final class SqliteBackend implements StorageBackend {

    /** Any write takes the lock; this one changes nothing. */
    private static final String CLAIM_WRITE_LOCK = "DELETE FROM import_source WHERE 0";

    private final String url;
    private final String initSql;
    private final int busyTimeoutMillis;

    public SqliteBackend(String url, String initSql, int busyTimeoutMillis) {
        this.url = url;
        this.initSql = initSql;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection opened = DriverManager.getConnection(url);
        try (Statement statement = opened.createStatement()) {
            statement.execute(initSql);
            opened.unwrap(SQLiteConnection.class).setBusyTimeout(busyTimeoutMillis);
            return opened;
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public void beginChunk(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(CLAIM_WRITE_LOCK);
        }
    }

    @Override
    public boolean isBusy(Throwable failure) {
        return SqliteFailures.isBusy(failure);
    }

    @Override
    public String describe(Throwable failure) {
        return SqliteFailures.describe(failure);
    }

    @Override
    public void beforeAppend(Connection connection) {
        // one writer at a time: SQLite hands out rowids in commit order
    }
}

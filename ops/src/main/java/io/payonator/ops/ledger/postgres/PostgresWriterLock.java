package io.payonator.ops.ledger.postgres;

import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerLocation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One writer at a time per PostgreSQL ledger: a session-level advisory lock, held on a connection
 * of its own for as long as the ledger is open. The server releases it when that connection ends,
 * also when the process is killed. A second writer is refused at once, with the holder named from
 * {@code pg_stat_activity} (every payonator connection says who it is in its application name).
 */
final class PostgresWriterLock implements LedgerLocation.WriterLock {

    /** The advisory lock keys: ('PAYO', 1) the writer's, ('PAYO', 2) the appending transaction's. */
    static final int NAMESPACE = 0x5041594F;
    static final int WRITER = 1;
    static final int APPEND = 2;

    private static final String HOLDER = """
            SELECT a.application_name, host(a.client_addr), a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = ?::oid AND l.objsubid = 2""";

    private final Connection connection;
    private final String ledger;

    private PostgresWriterLock(Connection connection, String ledger) {
        this.connection = connection;
        this.ledger = ledger;
    }

    /** @throws LedgerInUseException if another process writes the ledger */
    static PostgresWriterLock acquire(Connection connection, String ledger) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, NAMESPACE);
            lock.setInt(2, WRITER);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return new PostgresWriterLock(connection, ledger);
                }
            }
            String holder = holder(connection);
            throw new LedgerInUseException(ledger + " is in use by another payonator process (" + holder
                    + "); stop it first");
        }
    }

    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HOLDER)) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, WRITER);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "which has just let go; try again";
                }
                String address = row.getString(2);
                return row.getString(1) + (address == null ? "" : " from " + address) + ", connected since "
                        + row.getString(3);
            }
        }
    }

    /**
     * Whether the lock is still held: it ends with its connection, as when the server restarts,
     * and then another writer may have taken it.
     *
     * @throws LedgerInUseException if it is lost
     */
    @Override
    public void check() {
        try {
            if (connection.isValid(5)) {
                return;
            }
            throw lost(null);
        } catch (SQLException e) {
            throw lost(e);
        }
    }

    private LedgerInUseException lost(SQLException cause) {
        LedgerInUseException lost = new LedgerInUseException(ledger + ": the connection holding this process's"
                + " writer lock was lost (did the PostgreSQL server restart?); nothing more is written; run the same"
                + " command again");
        if (cause != null) {
            lost.initCause(cause);
        }
        return lost;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing the session releases the lock on the server, whatever the driver reports here
            throw new IllegalStateException("could not close the writer lock's connection to " + ledger + ": "
                    + e.getMessage(), e);
        }
    }
}

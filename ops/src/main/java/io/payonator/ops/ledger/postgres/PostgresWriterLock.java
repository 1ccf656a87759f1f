package io.payonator.ops.ledger.postgres;

import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerLocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * One writer at a time per PostgreSQL ledger: a session-level advisory lock, held on a connection
 * of its own for as long as the ledger is open. The server releases it when that connection ends,
 * also when the process is killed. A second writer is refused at once, with the holder named from
 * {@code pg_stat_activity} (every payonator connection says who it is in its application name).
 *
 * <p>The nodes of a cluster hold the same lock in shared mode: they coexist (the database keys
 * keep their writes apart), and a plain writer, which needs it exclusively, is refused while any
 * node runs, with every node named; a node is refused while a plain writer runs.
 */
final class PostgresWriterLock implements LedgerLocation.WriterLock {

    /** The advisory lock keys: ('PAYO', 1) the writer's, ('PAYO', 2) the appending transaction's. */
    static final int NAMESPACE = 0x5041594F;
    static final int WRITER = 1;
    static final int APPEND = 2;
    /** How a cluster node's lock connection names itself (see {@link PostgresLocation#lockForCluster}). */
    static final String CLUSTER_NODE = "cluster node ";

    private static final String HOLDER = """
            SELECT a.application_name, host(a.client_addr), a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = ?::oid AND l.objsubid = 2
            ORDER BY a.application_name""";

    private static final Logger log = LoggerFactory.getLogger(PostgresWriterLock.class);

    private final Connection connection;
    private final String ledger;

    private PostgresWriterLock(Connection connection, String ledger) {
        this.connection = connection;
        this.ledger = ledger;
    }

    /** @throws LedgerInUseException if another process writes the ledger */
    static PostgresWriterLock acquire(Connection connection, String ledger) throws SQLException {
        return acquire(connection, ledger, "SELECT pg_try_advisory_lock(?, ?)");
    }

    /** A cluster node's share of the lock. @throws LedgerInUseException if a plain writer holds it */
    static PostgresWriterLock acquireShared(Connection connection, String ledger) throws SQLException {
        return acquire(connection, ledger, "SELECT pg_try_advisory_lock_shared(?, ?)");
    }

    private static PostgresWriterLock acquire(Connection connection, String ledger, String tryLock) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(tryLock)) {
            lock.setInt(1, NAMESPACE);
            lock.setInt(2, WRITER);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return new PostgresWriterLock(connection, ledger);
                }
            }
            String holder = holder(connection);
            if (holder.contains(CLUSTER_NODE)) {
                throw new LedgerInUseException(ledger + " is served by a cluster (" + holder + "); only a member of"
                        + " that cluster may write it: stop the cluster first, or join it (--cluster)");
            }
            throw new LedgerInUseException(ledger + " is in use by another payonator process (" + holder
                    + "); stop it first");
        }
    }

    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HOLDER)) {
            query.setInt(1, NAMESPACE);
            query.setInt(2, WRITER);
            try (ResultSet row = query.executeQuery()) {
                StringJoiner holders = new StringJoiner("; ");
                while (row.next()) {
                    String address = row.getString(2);
                    holders.add(row.getString(1) + (address == null ? "" : " from " + address) + ", connected since "
                            + row.getString(3));
                }
                return holders.length() == 0 ? "which has just let go; try again" : holders.toString();
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

    private void unlockAll() {
        try (Statement unlock = connection.createStatement()) {
            unlock.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            // the session has ended already (the server restarted, the connection dropped), and its locks with it
            log.debug("{}: the writer lock's session had ended before it was let go: {}", ledger, e.getMessage(), e);
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

    /**
     * Lets go of the lock before closing its connection: the server ends a closed session a moment
     * later, and a writer that starts right after this one (the next import of a script) would
     * otherwise find the lock still held, by nobody it can name.
     */
    @Override
    public void close() {
        try (connection) {
            unlockAll();
        } catch (SQLException e) {
            // closing the session releases the lock on the server, whatever the driver reports here
            throw new IllegalStateException("could not close the writer lock's connection to " + ledger + ": "
                    + e.getMessage(), e);
        }
    }
}

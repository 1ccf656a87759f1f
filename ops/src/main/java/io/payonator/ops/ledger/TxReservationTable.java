package io.payonator.ops.ledger;

import io.payonator.command.intake.Reservations;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Table {@code tx_reservation}: the tx ids the ledger's events reserved, one row each, keyed by
 * the id. The event store writes it in the transaction that appends the events, so it always
 * holds exactly the reservations of the stored events, and the database refuses a tx id reserved
 * twice, by whichever writer.
 */
final class TxReservationTable {

    static final String INSERT = "INSERT INTO tx_reservation (tx) VALUES (?)";

    private TxReservationTable() {
    }

    /**
     * Stores the reservations these events make, on their transaction's connection.
     *
     * @throws TxIdAlreadyReservedException if one of them is reserved already
     */
    static void insert(Connection connection, List<? extends EventMessage<?>> events,
                       PersistenceExceptionResolver duplicates) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int rows = 0;
            for (EventMessage<?> event : events) {
                long tx = Reservations.reservedBy(event);
                if (tx != Reservations.NONE) {
                    insert.setLong(1, tx);
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            if (duplicates.isDuplicateKeyViolation(e)) {
                throw new TxIdAlreadyReservedException(e);
            }
            throw e;
        }
    }

    /** A tx id of the events was reserved by rows stored before, by this writer or another. */
    public static final class TxIdAlreadyReservedException extends RuntimeException {
        TxIdAlreadyReservedException(SQLException cause) {
            super("a tx id of these rows is already reserved in the ledger (stored by another writer meanwhile):"
                    + " they were not stored; deciding them again gives duplicate_tx", cause);
        }
    }
}

package io.payonator.ops.ledger;

import io.payonator.api.event.Deposited;
import io.payonator.command.DepositState;
import io.payonator.command.intake.Reservations;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Table {@code tx_reservation}: the tx ids the ledger's events reserved, one row each, keyed by
 * the id, and for a deposit its client, amount and dispute state. The event store writes it in the
 * transaction that appends the events, so it always holds exactly the reservations and deposits of
 * the stored events, and the database refuses a tx id reserved twice, by whichever writer.
 */
final class TxReservationTable {

    static final String INSERT = "INSERT INTO tx_reservation (tx, client, amount, dispute_state) VALUES (?, ?, ?, ?)";
    static final String CHANGE_DEPOSIT = "UPDATE tx_reservation SET dispute_state = ? WHERE tx = ?";

    private TxReservationTable() {
    }

    /**
     * Stores the reservations and deposit changes these events make, on their transaction's
     * connection. The new rows go first: a deposit disputed in the same events is then there to change.
     *
     * @throws TxIdAlreadyReservedException if one of them is reserved already
     */
    static void insert(Connection connection, List<? extends EventMessage<?>> events,
                       PersistenceExceptionResolver duplicates) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement change = connection.prepareStatement(CHANGE_DEPOSIT)) {
            int reservations = 0;
            int changes = 0;
            for (EventMessage<?> event : events) {
                if (addReservation(insert, event)) {
                    reservations++;
                } else if (addDepositChange(change, event)) {
                    changes++;
                }
            }
            if (reservations > 0) {
                insert.executeBatch();
            }
            if (changes > 0) {
                change.executeBatch();
            }
        } catch (SQLException e) {
            if (duplicates.isDuplicateKeyViolation(e)) {
                throw new TxIdAlreadyReservedException(e);
            }
            throw e;
        }
    }

    private static boolean addReservation(PreparedStatement insert, EventMessage<?> event) throws SQLException {
        long tx = Reservations.reservedBy(event);
        if (tx == Reservations.NONE) {
            return false;
        }
        insert.setLong(1, tx);
        Deposited deposit = Reservations.depositMadeBy(event);
        if (deposit != null) {
            insert.setInt(2, deposit.client());
            insert.setLong(3, deposit.amount().units());
            insert.setInt(4, DepositState.UNDISPUTED.code());
        } else {
            insert.setNull(2, Types.INTEGER);
            insert.setNull(3, Types.BIGINT);
            insert.setNull(4, Types.INTEGER);
        }
        insert.addBatch();
        return true;
    }

    private static boolean addDepositChange(PreparedStatement change, EventMessage<?> event) throws SQLException {
        Reservations.DepositChange deposit = Reservations.depositChangedBy(event);
        if (deposit == null) {
            return false;
        }
        change.setInt(1, deposit.state().code());
        change.setLong(2, deposit.tx());
        change.addBatch();
        return true;
    }

    /** A tx id of the events was reserved by rows stored before, by this writer or another. */
    public static final class TxIdAlreadyReservedException extends RuntimeException {
        TxIdAlreadyReservedException(SQLException cause) {
            super("a tx id of these rows is already reserved in the ledger (stored by another writer meanwhile):"
                    + " they were not stored; deciding them again gives duplicate_tx", cause);
        }
    }
}

package io.payonator.ops.ledger;

import io.payonator.api.Money;
import io.payonator.command.DepositState;
import io.payonator.command.StoredDeposits;
import io.payonator.command.intake.InMemoryTransactionIdRegistry;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ledger's stored tx-id reservations and deposits ({@link TxReservationTable}), read without
 * reading any event: all reservations for a bulk import, which decides its rows against memory, or
 * those the rows of a service's write group name; and one deposit at a time for a client restored
 * from its snapshot ({@link StoredDeposits}).
 *
 * <p>A ledger written before the table existed, or before it held the deposits, has them only in
 * its events. The migration that changed the table marks such a ledger, and the first start of
 * this version reads its history once to fill the table.
 */
@Component
public class TxReservations implements StoredDeposits {

    /**
     * Whether the event store writes the table (default true). A temporary ledger does not: one
     * import writes it and decides its rows against memory, snapshots are off so its clients are
     * always sourced whole, and the file is deleted when the import ends; nothing would read it.
     */
    public static final String STORED_PROPERTY = "payonator.ledger.store-reservations";

    private static final Logger log = LoggerFactory.getLogger(TxReservations.class);
    private static final String UPGRADE = "tx_reservation";
    private static final int BATCH = 10_000;
    /** Tx ids per lookup query; well below the bound parameters a statement may have (SQLite's before 3.32: 999). */
    private static final int LOOKUP = 500;
    private static final String FIND_DEPOSIT = "SELECT amount, dispute_state FROM tx_reservation"
            + " WHERE tx = ? AND client = ? AND dispute_state IS NOT NULL";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStorageEngine storage;

    TxReservations(EventStoreConnections connections, EventStorageEngine storage) {
        this.jdbc = new JdbcTemplate(connections.dataSource());
        this.transactions = new TransactionTemplate(connections.platformTransactionManager());
        this.storage = storage;
    }

    /** Every reservation, for an import to decide against. */
    public InMemoryTransactionIdRegistry loadAll() {
        InMemoryTransactionIdRegistry registry = new InMemoryTransactionIdRegistry();
        jdbc.query("SELECT tx FROM tx_reservation", row -> {
            registry.reserve(row.getLong(1));
        });
        return registry;
    }

    /** Which of {@code txs} the ledger holds a reservation of: one query for every {@value #LOOKUP} ids. */
    public List<Long> reservedAmong(Collection<Long> txs) {
        List<Long> ids = List.copyOf(txs);
        List<Long> reserved = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += LOOKUP) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + LOOKUP));
            reserved.addAll(jdbc.queryForList("SELECT tx FROM tx_reservation WHERE tx IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", Long.class, part.toArray()));
        }
        return reserved;
    }

    @Override
    public Optional<Deposit> find(int client, long tx) {
        return jdbc.query(FIND_DEPOSIT, row -> row.next()
                ? Optional.of(new Deposit(new Money(row.getLong(1)), DepositState.fromCode(row.getInt(2))))
                : Optional.<Deposit>empty(), tx, client);
    }

    @PostConstruct
    void upgrade() {
        if (jdbc.queryForList("SELECT name FROM ledger_upgrade WHERE name = ?", String.class, UPGRADE).isEmpty()) {
            return;
        }
        log.info("reading the ledger's events once to store its tx-id reservations and deposits"
                + " (first start of this version)");
        transactions.executeWithoutResult(status -> rebuildFromEvents());
    }

    /** The table as the stored events make it, written as the event store writes it with new events. */
    private void rebuildFromEvents() {
        jdbc.update("DELETE FROM tx_reservation");
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends EventMessage<?>> history = storage.readEvents(null, false)) {
            history.forEach(event -> {
                batch.add(event);
                if (batch.size() == BATCH) {
                    store(connection, batch);
                }
            });
        }
        store(connection, batch);
        jdbc.update("DELETE FROM ledger_upgrade WHERE name = ?", UPGRADE);
    }

    private static void store(Connection connection, List<EventMessage<?>> batch) {
        try {
            TxReservationTable.insert(connection, batch, exception -> false);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the tx-id reservations read from the events: "
                    + e.getMessage(), e);
        }
        batch.clear();
    }
}

package io.payonator.ops.ledger;

import io.payonator.command.intake.InMemoryTransactionIdRegistry;
import io.payonator.command.intake.Reservations;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ledger's stored tx-id reservations ({@link TxReservationTable}), read without reading any
 * event: all of them for a bulk import, which decides its rows against memory, or one id at a
 * time for the service.
 *
 * <p>A ledger written before the table existed has its reservations only in its events. The
 * migration that made the table marks such a ledger, and the first start of this version reads
 * its history once to fill the table.
 */
@Component
public class TxReservations {

    private static final Logger log = LoggerFactory.getLogger(TxReservations.class);
    private static final String UPGRADE = "tx_reservation";
    private static final int BATCH = 10_000;

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

    public boolean isReserved(long tx) {
        return !jdbc.queryForList("SELECT tx FROM tx_reservation WHERE tx = ?", Long.class, tx).isEmpty();
    }

    @PostConstruct
    void upgrade() {
        if (jdbc.queryForList("SELECT name FROM ledger_upgrade WHERE name = ?", String.class, UPGRADE).isEmpty()) {
            return;
        }
        log.info("reading the ledger's events once to store its tx-id reservations (first start of this version)");
        transactions.executeWithoutResult(status -> {
            List<Object[]> batch = new ArrayList<>(BATCH);
            try (Stream<? extends EventMessage<?>> history = storage.readEvents(null, false)) {
                history.mapToLong(Reservations::reservedBy)
                        .filter(tx -> tx != Reservations.NONE)
                        .forEach(tx -> {
                            batch.add(new Object[]{tx});
                            if (batch.size() == BATCH) {
                                flush(batch);
                            }
                        });
            }
            flush(batch);
            jdbc.update("DELETE FROM ledger_upgrade WHERE name = ?", UPGRADE);
        });
    }

    private void flush(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(TxReservationTable.INSERT, batch);
            batch.clear();
        }
    }
}

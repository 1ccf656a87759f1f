package io.payonator.ops.importer;

import io.payonator.api.ClientCommand;
import io.payonator.api.RowMalformed;
import io.payonator.command.intake.InMemoryTransactionIdRegistry;
import io.payonator.command.intake.MalformedRowException;
import io.payonator.command.intake.TransactionIntake;
import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.csv.TransactionCsvReader;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * Imports transaction CSVs into the ledger. One thread reads the rows in input order, validates
 * them and reserves tx ids (so duplicates never depend on scheduling); the commands are then
 * spread over workers by client, in chunks. Malformed rows become {@link RowMalformed} events,
 * stored with their chunk, so the event store holds every row's outcome.
 */
@Component
public class ImportJob {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final EventStorageEngine storage;
    private final int chunkRows;

    ImportJob(CommandBus commandBus, EventBus eventBus, EventStorageEngine storage,
              @Value("${payonator.import.chunk-rows:65536}") int chunkRows) {
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.storage = storage;
        this.chunkRows = chunkRows;
    }

    public ImportSummary run(List<TransactionCsvReader> sources, int workers)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        TransactionIntake intake = new TransactionIntake(reservedTxIds());
        long rows = 0;
        long malformed = 0;
        try (FusedRows input = new FusedRows(sources); ClientWorkers clients = new ClientWorkers(commandBus, eventBus, workers, chunkRows)) {
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                rows++;
                try {
                    clients.submit(admit(intake, row));
                } catch (MalformedRowException e) {
                    malformed++;
                    clients.submit(new RowMalformed(row.origin(), e.reason(), e.getMessage()));
                }
            }
            clients.finish();
        }
        ImportSummary summary = new ImportSummary(rows, malformed, System.nanoTime() - start);
        log.info("imported {} rows ({} malformed) in {} ms, {} rows/s", rows, malformed,
                summary.nanos() / 1_000_000, Math.round(summary.rowsPerSecond()));
        return summary;
    }

    private static ClientCommand admit(TransactionIntake intake, CsvRow row) throws MalformedRowException {
        row.checkFieldCount();
        return intake.admit(row.type(), row.client(), row.tx(), row.amount(), row.origin());
    }

    /** Tx ids reserved by earlier imports into this ledger, read back from its events. */
    private InMemoryTransactionIdRegistry reservedTxIds() {
        InMemoryTransactionIdRegistry registry = InMemoryTransactionIdRegistry.fromHistory(storage.readEvents(null, false));
        if (registry.size() > 0) {
            log.info("ledger already holds {} reserved tx ids", registry.size());
        }
        return registry;
    }
}

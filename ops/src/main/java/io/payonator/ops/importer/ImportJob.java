package io.payonator.ops.importer;

import io.payonator.api.command.ClientCommand;
import io.payonator.api.event.RowMalformed;
import io.payonator.command.ClientCache;
import io.payonator.command.intake.InMemoryTransactionIdRegistry;
import io.payonator.command.intake.MalformedRowException;
import io.payonator.command.intake.TransactionIntake;
import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.ledger.ImportTransactions;
import io.payonator.ops.ledger.TxReservations;
import io.payonator.ops.cluster.ClusterRoutes;
import io.payonator.ops.ledger.ChunkTransaction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports transaction CSVs into the ledger. One thread reads the rows in input order, validates
 * them and reserves tx ids (so duplicates never depend on scheduling); the commands are then
 * spread over workers by client, in chunks. Malformed rows become {@link RowMalformed} events,
 * stored with their chunk, so the event store holds every row's outcome.
 *
 * <p>Each chunk is stored in one transaction with how far into each source it reaches, so an
 * interrupted import of the same files resumes after the last stored row, and a file already
 * imported whole is skipped: applying its rows again would move money twice.
 */
@Component
public class ImportJob {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final TxReservations reservations;
    private final ImportTransactions transactions;
    private final ImportProgress progress;
    private final ClientCache clients;
    private final ClusterRoutes cluster;
    private final int chunkRows;

    /**
     * @param commandBus the ledger's command bus: in a cluster, the cluster's, over which the rows
     *                   go to their clients' owners
     * @param cluster    where the cluster's bus routes, when this process is a member of one
     */
    ImportJob(CommandBus commandBus, EventBus eventBus, TxReservations reservations, ImportTransactions transactions,
              ImportProgress progress, ClientCache clients, ObjectProvider<ClusterRoutes> cluster,
              @Value("${payonator.import.chunk-rows:65536}") int chunkRows) {
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.reservations = reservations;
        this.transactions = transactions;
        this.progress = progress;
        this.clients = clients;
        this.cluster = cluster.getIfAvailable();
        this.chunkRows = chunkRows;
    }

    public ImportSummary run(List<ImportSource> sources, int workers) throws IOException, InterruptedException {
        return run(sources, workers, new ImportMeter(), new ImportStop());
    }

    /**
     * @param stop when requested, the import reads no further row and returns once the rows read so
     *             far are stored, with how far they reach: run again, it resumes from there
     */
    public ImportSummary run(List<ImportSource> sources, int workers, ImportMeter meter, ImportStop stop)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        log.debug("importing {}", sources.stream().map(ImportSource::name).toList());
        SourceMarks marks = new SourceMarks();
        Map<String, Map<Integer, Long>> storedByClient = new HashMap<>();
        List<FusedRows.Input> inputs = plan(sources, marks, storedByClient);
        if (inputs.isEmpty()) {
            log.debug("nothing to import");
            return new ImportSummary(0, 0, 0, System.nanoTime() - start, false, marks.lastLines());
        }
        TransactionIntake intake = new TransactionIntake(reservedTxIds());
        long rows = 0;
        long malformed = 0;
        boolean stopped;
        BitSet touched = new BitSet(TransactionIntake.MAX_CLIENT + 1);
        try (FusedRows input = new FusedRows(inputs, stop);
             ImportedRows workerPool = store(sources, marks, meter, workers)) {
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                marks.advance(row.origin());
                int client = clientNamed(row);
                if (storedAlready(storedByClient, row, client)) {
                    continue;
                }
                if (++rows % ImportMeter.PUBLISH_EVERY == 0) {
                    meter.read(rows);
                }
                try {
                    ClientCommand command = admit(intake, row);
                    touched.set(command.client());
                    workerPool.submit(command);
                } catch (MalformedRowException e) {
                    malformed++;
                    workerPool.submit(new RowMalformed(row.origin(), e.reason(), e.getMessage()), client);
                }
            }
            meter.read(rows);
            // decided once: the marks stored say whether the input was read to its end, and so does the summary
            stopped = stop.requested();
            workerPool.finish(!stopped);
        } catch (ImportFailedException e) {
            // the aggregates in memory may hold events of rows that were rolled back
            clients.removeAll();
            throw e;
        }
        ImportSummary summary = new ImportSummary(rows, malformed, touched.cardinality(), System.nanoTime() - start,
                stopped, marks.lastLines());
        log.debug("imported {} rows ({} malformed) in {} ms, {} rows/s", rows, malformed,
                summary.nanos() / 1_000_000, Math.round(summary.rowsPerSecond()));
        return summary;
    }

    /** Local workers, or, in a cluster, the clients' owners. */
    private ImportedRows store(List<ImportSource> sources, SourceMarks marks, ImportMeter meter, int workers) {
        Function<Boolean, ChunkTransaction.Write<?>> sourceMarks =
                inputEnded -> ImportProgress.write(marks.snapshot(inputEnded));
        if (cluster == null) {
            return new ClientWorkers(commandBus, eventBus, transactions, sourceMarks, meter, workers, chunkRows);
        }
        Map<String, String> contentIds = new HashMap<>();
        sources.forEach(source -> contentIds.put(source.name(), source.contentId()));
        return new ClusterChunks(commandBus, cluster, eventBus, transactions, sourceMarks, contentIds, meter,
                chunkRows);
    }

    /**
     * The client a row's client field names, or {@link ImportedRows#NO_CLIENT}: in a cluster the
     * row, even a malformed one, is stored with that client's rows and marks.
     */
    private static int clientNamed(CsvRow row) {
        try {
            // a row without its fields names no client, whatever it holds
            row.checkFieldCount();
            int client = Integer.parseInt(row.client().strip());
            return client >= 0 && client <= TransactionIntake.MAX_CLIENT ? client : ImportedRows.NO_CLIENT;
        } catch (MalformedRowException | NumberFormatException e) {
            return ImportedRows.NO_CLIENT;
        }
    }

    /** Whether an import through a cluster stored this row of its client already (see {@link ClusterChunks}). */
    private static boolean storedAlready(Map<String, Map<Integer, Long>> storedByClient, CsvRow row, int client) {
        if (client == ImportedRows.NO_CLIENT || storedByClient.isEmpty()) {
            return false;
        }
        Map<Integer, Long> stored = storedByClient.get(row.origin().source());
        return stored != null && row.origin().line() <= stored.getOrDefault(client, 0L);
    }

    /**
     * Which sources to read and from which line: a source imported whole before is skipped. For a
     * source an import through a cluster began, how far each client's rows are stored goes into
     * {@code storedByClient}, by source name.
     */
    private List<FusedRows.Input> plan(List<ImportSource> sources, SourceMarks marks,
                                       Map<String, Map<Integer, Long>> storedByClient) {
        List<FusedRows.Input> inputs = new ArrayList<>();
        Set<String> contents = new HashSet<>();
        for (ImportSource source : sources) {
            if (!source.resumable()) {
                marks.track(source, 0);
                inputs.add(new FusedRows.Input(source.reader(), 0));
                continue;
            }
            if (!contents.add(source.contentId())) {
                log.warn("{}: skipped: same content as an earlier source of this import (sha256 {})",
                        source.name(), source.contentId());
                continue;
            }
            Optional<ImportProgress.Mark> mark = progress.find(source.contentId());
            if (mark.isPresent() && mark.get().complete()) {
                log.warn("{}: skipped: already imported into this ledger (as {}, sha256 {}); importing it again"
                        + " would apply its rows twice", source.name(), mark.get().name(), source.contentId());
                continue;
            }
            long done = mark.map(ImportProgress.Mark::linesDone).orElse(0L);
            Map<Integer, Long> byClient = progress.clientMarks(source.contentId());
            if (!byClient.isEmpty()) {
                storedByClient.put(source.name(), byClient);
            }
            if (done > 0 || !byClient.isEmpty()) {
                log.warn("{}: resuming after line {}, where an earlier import of it stopped{}", source.name(), done,
                        byClient.isEmpty() ? "" : ", leaving out the rows of " + byClient.size()
                                + " clients stored after it");
            }
            marks.track(source, done);
            inputs.add(new FusedRows.Input(source.reader(), done));
        }
        return inputs;
    }

    private static ClientCommand admit(TransactionIntake intake, CsvRow row) throws MalformedRowException {
        row.checkFieldCount();
        return intake.admit(row.type(), row.client(), row.tx(), row.amount(), row.origin());
    }

    /** Tx ids reserved by earlier imports into this ledger or the service, from the ledger's stored reservations. */
    private InMemoryTransactionIdRegistry reservedTxIds() {
        InMemoryTransactionIdRegistry registry = reservations.loadAll();
        log.debug("ledger already holds {} reserved tx ids", registry.size());
        return registry;
    }
}

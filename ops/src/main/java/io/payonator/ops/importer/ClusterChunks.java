package io.payonator.ops.importer;

import io.payonator.api.RowOrigin;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.ImportPart;
import io.payonator.api.event.RowMalformed;
import io.payonator.ops.cluster.ClusterConfiguration;
import io.payonator.ops.cluster.ClusterRoutes;
import io.payonator.ops.ledger.ChunkTransaction;
import io.payonator.ops.ledger.ImportTransactions;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An import through a cluster: each chunk's rows go, through the cluster's command bus, to the
 * nodes that own their clients, one {@link ImportPart} per owner, which each owner decides with the
 * {@code Client} aggregate and stores, with its clients' marks, in one transaction of its own
 * ({@link ImportPartStore}). Once every part of a chunk is stored, this process stores the chunk's
 * malformed rows that name no client and the sources' marks, in one transaction; then it sends the
 * next chunk. So chunks are stored in input order, and a client's rows in its order.
 *
 * <p>Killed at any moment, the import resumes from the last chunk this process stored, leaving out
 * each client's rows that the owners' marks say are stored; a part whose answer was lost (its
 * owner died, membership changed) is sent again, and the owner leaves out what it stored already.
 * A part an owner cannot take now (a replay runs) is sent again after a pause.
 */
final class ClusterChunks implements ImportedRows {

    private static final Logger log = LoggerFactory.getLogger(ClusterChunks.class);
    /** An owner deciding a chunk's rows of its clients: a dead owner is noticed in seconds, by the view. */
    private static final Duration PART_TIMEOUT = Duration.ofMinutes(10);
    /** How long parts may go unstored (no owner, a long replay) before the import gives up. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final long RETRY_PAUSE_MILLIS = 1_000;

    private final CommandBus commandBus;
    private final ClusterRoutes routes;
    private final EventBus eventBus;
    private final ImportTransactions transactions;
    private final Function<Boolean, ChunkTransaction.Write<?>> marks;
    private final Map<String, String> contentIds;
    private final ImportMeter meter;
    private final int chunkRows;

    private final Map<Integer, List<ClientCommand>> rows = new LinkedHashMap<>();
    private final Map<Integer, List<RowMalformed>> malformed = new LinkedHashMap<>();
    private final List<RowMalformed> unowned = new ArrayList<>();
    private RowOrigin firstRow;
    private int pendingRows;

    /**
     * @param commandBus the cluster's bus
     * @param contentIds each source's content id, by its name
     */
    ClusterChunks(CommandBus commandBus, ClusterRoutes routes, EventBus eventBus, ImportTransactions transactions,
                  Function<Boolean, ChunkTransaction.Write<?>> marks, Map<String, String> contentIds,
                  ImportMeter meter, int chunkRows) {
        this.commandBus = commandBus;
        this.routes = routes;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.marks = marks;
        this.contentIds = contentIds;
        this.meter = meter;
        this.chunkRows = chunkRows;
    }

    @Override
    public void submit(ClientCommand command) throws InterruptedException {
        rows.computeIfAbsent(command.client(), client -> new ArrayList<>()).add(command);
        countRow(command.origin());
    }

    @Override
    public void submit(RowMalformed row, int client) throws InterruptedException {
        if (client == NO_CLIENT) {
            unowned.add(row);
        } else {
            malformed.computeIfAbsent(client, c -> new ArrayList<>()).add(row);
        }
        countRow(row.origin());
    }

    @Override
    public void finish(boolean inputEnded) throws InterruptedException {
        flush(inputEnded);
    }

    private void countRow(RowOrigin origin) throws InterruptedException {
        if (pendingRows++ == 0) {
            firstRow = origin;
        }
        if (pendingRows >= chunkRows) {
            flush(false);
        }
    }

    private void flush(boolean inputEnded) throws InterruptedException {
        deliver(parts());
        storeOwnRows(marks.apply(inputEnded));
        meter.stored(pendingRows);
        rows.clear();
        malformed.clear();
        unowned.clear();
        pendingRows = 0;
    }

    /** The chunk's rows of clients, one part per owner as the cluster routes now. */
    private List<ImportPart> parts() {
        Set<Integer> clients = new LinkedHashSet<>(rows.keySet());
        clients.addAll(malformed.keySet());
        return routes.byOwner(clients, ClusterConfiguration.IMPORT_PART_COMMAND).values().stream()
                .map(this::part).toList();
    }

    private ImportPart part(List<Integer> clients) {
        List<ImportPart.Row> partRows = new ArrayList<>();
        List<ImportPart.Malformed> partMalformed = new ArrayList<>();
        Map<List<Object>, ImportPart.ClientMark> lastLines = new LinkedHashMap<>();
        for (int client : clients) {
            for (ClientCommand command : rows.getOrDefault(client, List.of())) {
                partRows.add(ImportPart.Row.of(command));
                mark(lastLines, client, command.origin());
            }
            for (RowMalformed row : malformed.getOrDefault(client, List.of())) {
                partMalformed.add(new ImportPart.Malformed(client, row));
                mark(lastLines, client, row.origin());
            }
        }
        return new ImportPart(clients.get(0), partRows, partMalformed, List.copyOf(lastLines.values()));
    }

    private void mark(Map<List<Object>, ImportPart.ClientMark> lastLines, int client, RowOrigin origin) {
        lastLines.merge(List.of(origin.source(), client),
                new ImportPart.ClientMark(origin.source(), contentIds.get(origin.source()), client, origin.line()),
                (before, now) -> now.linesDone() > before.linesDone() ? now : before);
    }

    /** Sends the parts and waits until every one is stored; sends again those whose answer did not come. */
    private void deliver(List<ImportPart> parts) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        List<ImportPart> waiting = parts;
        while (!waiting.isEmpty()) {
            Map<ImportPart, CompletableFuture<CommandResultMessage<?>>> sent = new LinkedHashMap<>();
            waiting.forEach(part -> sent.put(part, send(part)));
            List<ImportPart> again = new ArrayList<>();
            String lastProblem = null;
            for (Map.Entry<ImportPart, CompletableFuture<CommandResultMessage<?>>> part : sent.entrySet()) {
                String problem = awaitStored(part.getKey(), part.getValue());
                if (problem != null) {
                    again.add(part.getKey());
                    lastProblem = problem;
                }
            }
            if (again.size() < waiting.size()) {
                deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            }
            if (!again.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw notStored("no owner of its clients stored them within " + GIVE_UP_AFTER.toMinutes()
                            + " minutes (" + lastProblem + ")", null);
                }
                log.warn("{} of {} parts of the chunk from {} not stored yet ({}); sending them again", again.size(),
                        waiting.size(), firstRow, lastProblem);
                Thread.sleep(RETRY_PAUSE_MILLIS);
            }
            waiting = again;
        }
    }

    private CompletableFuture<CommandResultMessage<?>> send(ImportPart part) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        commandBus.dispatch(new GenericCommandMessage<>(new GenericMessage<>(part),
                ClusterConfiguration.IMPORT_PART_COMMAND), (message, result) -> answer.complete(result));
        return answer;
    }

    /**
     * Waits for the owner's answer: {@code null} once the part is stored, else why it may be sent
     * again (no answer, or the owner cannot take it now).
     *
     * @throws ImportFailedException if the owner could not store it and sending it again would not help
     */
    private String awaitStored(ImportPart part, CompletableFuture<CommandResultMessage<?>> answer)
            throws InterruptedException {
        CommandResultMessage<?> result;
        try {
            result = answer.get(PART_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "no answer from the owner of client " + part.client() + " within " + PART_TIMEOUT.toMinutes()
                    + " minutes";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
        if (result.isExceptional()) {
            return "the owner of client " + part.client() + " could not be reached: "
                    + result.exceptionResult().getMessage();
        }
        ImportPart.Outcome outcome = (ImportPart.Outcome) result.getPayload();
        if (outcome.stored()) {
            return null;
        }
        if (outcome.retry()) {
            return outcome.problem();
        }
        throw notStored(outcome.problem(), null);
    }

    /** The chunk's malformed rows without a client, and the sources' marks, in this process's own transaction. */
    private void storeOwnRows(ChunkTransaction.Write<?> sourceMarks) throws InterruptedException {
        ChunkTransaction chunk = transactions.next();
        try {
            if (!unowned.isEmpty()) {
                chunk.runBound(this::publishUnowned);
            }
            chunk.commit(sourceMarks);
        } catch (SQLException | RuntimeException e) {
            ImportFailedException failed = notStored(transactions.describe(e), e);
            try {
                chunk.rollback();
            } catch (SQLException | RuntimeException rollback) {
                failed.addSuppressed(rollback);
            }
            throw failed;
        }
    }

    private void publishUnowned() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unowned.forEach(row -> eventBus.publish(GenericEventMessage.asEventMessage(row)));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    private ImportFailedException notStored(String why, Throwable cause) {
        String where = firstRow == null ? "the end of the input" : firstRow.toString();
        return new ImportFailedException("could not store the rows from " + where + " on: " + why + ". Every row"
                + " before it is stored; run the same import into the same ledger again to resume from there.", cause);
    }

    /** Nothing runs in the background: parts are sent and awaited by the import's own thread. */
    @Override
    public void close() {
    }
}

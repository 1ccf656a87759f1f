package io.payonator.ops.importer;

import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.RowOrigin;
import io.payonator.ops.ledger.ChunkTransaction;
import io.payonator.ops.ledger.ImportTransactions;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Spreads rows over a fixed set of worker threads, each client always on the same worker, so a
 * client's rows are applied in input order while different clients proceed concurrently
 * (SPEC.md, Guarantees).
 *
 * <p>Rows are gathered into chunks. In a chunk, each client's consecutive rows travel as one
 * {@link ApplyTransactions} command, and a worker handles its whole part of the chunk in one unit
 * of work: the cost of a command and a commit is paid per chunk, not per row. All parts of a chunk
 * append their events to one transaction ({@link ChunkTransaction}), which a committer thread
 * commits, together with the chunk's progress marks, once every part is applied: a chunk is
 * stored whole or not at all, and chunks are stored in input order.
 */
final class ClientWorkers implements ImportedRows {

    /** One chunk of rows: its transaction, what to record with it, and its parts still being applied. */
    private record Chunk(ChunkTransaction transaction, ChunkTransaction.Write<?> marks, RowOrigin firstRow,
                         int rows, CountDownLatch partsLeft) {
    }

    /** One worker's share of a chunk: its clients' rows, and (worker 0 only) the chunk's malformed rows. */
    private record Share(List<ApplyTransactions> batches, List<RowMalformed> malformed) {
    }

    /** A share on its way to its worker, with the chunk it belongs to. */
    private record Part(Chunk chunk, Share share) {
    }

    private static final Part END = new Part(null, new Share(List.of(), List.of()));
    private static final Chunk NO_MORE_CHUNKS = new Chunk(null, null, null, 0, new CountDownLatch(0));
    private static final int QUEUED_PARTS = 2;

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final ImportTransactions transactions;
    private final Function<Boolean, ChunkTransaction.Write<?>> marks;
    private final ImportMeter meter;
    private final int chunkRows;
    private final List<Map<Integer, List<ClientCommand>>> pending = new ArrayList<>();
    private List<RowMalformed> pendingMalformed = new ArrayList<>();
    private RowOrigin pendingFirstRow;
    private int pendingRows;
    private final List<BlockingQueue<Part>> queues = new ArrayList<>();
    private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<ImportFailedException> failure = new AtomicReference<>();

    /**
     * @param marks given whether the input has ended, the statements recording how far the rows
     *              handed out so far reach, stored in the same transaction as their events
     */
    ClientWorkers(CommandBus commandBus, EventBus eventBus, ImportTransactions transactions,
                  Function<Boolean, ChunkTransaction.Write<?>> marks, ImportMeter meter, int count, int chunkRows) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + count);
        }
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.marks = marks;
        this.meter = meter;
        this.chunkRows = chunkRows;
        for (int i = 0; i < count; i++) {
            BlockingQueue<Part> queue = new ArrayBlockingQueue<>(QUEUED_PARTS);
            pending.add(new LinkedHashMap<>());
            queues.add(queue);
            threads.add(new Thread(() -> drain(queue), "import-worker-" + i));
        }
        threads.add(new Thread(this::commitInOrder, "import-committer"));
        threads.forEach(Thread::start);
    }

    /** Adds a well-formed row to its client's worker; blocks while the workers are a chunk behind. */
    @Override
    public void submit(ClientCommand command) throws InterruptedException {
        pending.get(command.client() % pending.size())
                .computeIfAbsent(command.client(), client -> new ArrayList<>())
                .add(command);
        countRow(command.origin());
    }

    /** Records a malformed row with the chunk it was read in; all of a chunk's are stored by worker 0. */
    @Override
    public void submit(RowMalformed malformed, int client) throws InterruptedException {
        pendingMalformed.add(malformed);
        countRow(malformed.origin());
    }

    @Override
    public void finish(boolean inputEnded) throws InterruptedException {
        flush(inputEnded);
        awaitEnd();
    }

    /** Lets the workers and the committer end, then throws the import's failure, if any. */
    private void awaitEnd() throws InterruptedException {
        for (BlockingQueue<Part> queue : queues) {
            queue.put(END);
        }
        chunks.put(NO_MORE_CHUNKS);
        for (Thread thread : threads) {
            thread.join();
        }
        throwIfFailed();
    }

    private void countRow(RowOrigin origin) throws InterruptedException {
        if (pendingRows++ == 0) {
            pendingFirstRow = origin;
        }
        if (pendingRows >= chunkRows) {
            flush(false);
        }
    }

    private void flush(boolean inputEnded) throws InterruptedException {
        if (failure.get() != null) {
            // every thread has to end first: the failure that caused the others may still be on its way
            awaitEnd();
        }
        List<Share> shares = takeShares();
        int parts = (int) shares.stream().filter(Objects::nonNull).count();
        Chunk chunk = new Chunk(transactions.next(), marks.apply(inputEnded), pendingFirstRow, pendingRows,
                new CountDownLatch(parts));
        chunks.put(chunk);
        for (int worker = 0; worker < shares.size(); worker++) {
            if (shares.get(worker) != null) {
                queues.get(worker).put(new Part(chunk, shares.get(worker)));
            }
        }
        pendingRows = 0;
    }

    /** Each worker's share of the rows submitted since the last chunk, {@code null} for a worker without any. */
    private List<Share> takeShares() {
        List<Share> shares = new ArrayList<>(queues.size());
        for (int worker = 0; worker < queues.size(); worker++) {
            List<ApplyTransactions> batches = new ArrayList<>(pending.get(worker).size());
            pending.get(worker).forEach((client, rows) -> batches.add(new ApplyTransactions(client, rows)));
            pending.get(worker).clear();
            List<RowMalformed> malformed = worker == 0 ? pendingMalformed : List.of();
            shares.add(batches.isEmpty() && malformed.isEmpty() ? null : new Share(batches, malformed));
        }
        pendingMalformed = new ArrayList<>();
        return shares;
    }

    private void drain(BlockingQueue<Part> queue) {
        try {
            for (Part part = queue.take(); part != END; part = queue.take()) {
                if (failure.get() == null) {
                    Part applying = part;
                    part.chunk().transaction().runBound(() -> apply(applying));
                }
                part.chunk().partsLeft().countDown();
            }
        } catch (InterruptedException e) {
            fail(new ImportFailedException("import interrupted", e));
            Thread.currentThread().interrupt();
        }
    }

    /** One unit of work: every command of the part nests in it, and its commit appends all their events. */
    private void apply(Part part) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (ApplyTransactions batch : part.share().batches()) {
                CommandMessage<ApplyTransactions> command = new GenericCommandMessage<>(batch);
                CommandCallback<ApplyTransactions, Object> callback = this::checkResult;
                commandBus.dispatch(command, callback);
                throwIfFailed();
            }
            part.share().malformed().forEach(row -> eventBus.publish(GenericEventMessage.asEventMessage(row)));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            fail(e instanceof ImportFailedException failed ? failed : notStored(part.chunk(), e));
        }
    }

    /** Commits each chunk once all its parts are applied; after a failure, rolls back every chunk left. */
    private void commitInOrder() {
        try {
            for (Chunk chunk = chunks.take(); chunk != NO_MORE_CHUNKS; chunk = chunks.take()) {
                chunk.partsLeft().await();
                if (failure.get() == null) {
                    commit(chunk);
                } else {
                    rollback(chunk, null);
                }
            }
        } catch (InterruptedException e) {
            fail(new ImportFailedException("import interrupted", e));
            Thread.currentThread().interrupt();
        }
    }

    private void commit(Chunk chunk) throws InterruptedException {
        try {
            chunk.transaction().commit(chunk.marks());
            meter.stored(chunk.rows());
        } catch (SQLException | RuntimeException e) {
            ImportFailedException failed = notStored(chunk, e);
            fail(failed);
            rollback(chunk, failed);
        }
    }

    private void rollback(Chunk chunk, ImportFailedException failed) {
        try {
            chunk.transaction().rollback();
        } catch (SQLException | RuntimeException e) {
            if (failed != null) {
                failed.addSuppressed(e);
            } else {
                fail(notStored(chunk, e));
            }
        }
    }

    private ImportFailedException notStored(Chunk chunk, Throwable cause) {
        String where = chunk.firstRow() == null ? "the end of the input" : chunk.firstRow().toString();
        return new ImportFailedException("could not store the rows from " + where + " on: "
                + transactions.describe(cause) + ". Every row before it is stored; run the same import"
                + " into the same ledger again to resume from there.", cause);
    }

    private void checkResult(CommandMessage<? extends ApplyTransactions> command, CommandResultMessage<?> result) {
        if (result.isExceptional()) {
            ApplyTransactions batch = command.getPayload();
            Throwable cause = result.exceptionResult();
            fail(new ImportFailedException("client " + batch.client() + ", rows from "
                    + batch.rows().get(0).origin() + ": could not be applied: " + cause.getMessage(), cause));
        }
    }

    private void fail(ImportFailedException failed) {
        failure.accumulateAndGet(failed, ClientWorkers::causeFirst);
    }

    /** The first failure, unless it only reports that another chunk's failure stopped this one. */
    private static ImportFailedException causeFirst(ImportFailedException kept, ImportFailedException next) {
        if (kept == null) {
            return next;
        }
        return isConsequence(kept) && !isConsequence(next) ? next : kept;
    }

    private static boolean isConsequence(ImportFailedException failed) {
        for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ChunkTransaction.ChunkNotStoredException) {
                return true;
            }
        }
        return false;
    }

    private void throwIfFailed() {
        ImportFailedException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}

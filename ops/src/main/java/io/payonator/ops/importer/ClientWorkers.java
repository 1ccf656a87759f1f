package io.payonator.ops.importer;

import io.payonator.api.ApplyTransactions;
import io.payonator.api.ClientCommand;
import io.payonator.api.RowMalformed;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spreads rows over a fixed set of worker threads, each client always on the same worker, so a
 * client's rows are applied in input order while different clients proceed concurrently
 * (SPEC.md, Guarantees).
 *
 * <p>Rows are gathered into chunks. In a chunk, each client's consecutive rows travel as one
 * {@link ApplyTransactions} command, and a worker handles its whole part of the chunk in one unit
 * of work, so the events of thousands of rows are appended to the event store in one transaction:
 * the cost of a command, a transaction and a commit is paid per chunk, not per row.
 */
final class ClientWorkers implements AutoCloseable {

    /** One worker's share of a chunk: its clients' rows, and (worker 0 only) the chunk's malformed rows. */
    private record Part(List<ApplyTransactions> batches, List<RowMalformed> malformed) {
    }

    private static final Part END = new Part(List.of(), List.of());
    private static final int QUEUED_PARTS = 2;

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final int chunkRows;
    private final List<Map<Integer, List<ClientCommand>>> pending = new ArrayList<>();
    private List<RowMalformed> pendingMalformed = new ArrayList<>();
    private int pendingRows;
    private final List<BlockingQueue<Part>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<ImportFailedException> failure = new AtomicReference<>();

    ClientWorkers(CommandBus commandBus, EventBus eventBus, int count, int chunkRows) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + count);
        }
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.chunkRows = chunkRows;
        for (int i = 0; i < count; i++) {
            BlockingQueue<Part> queue = new ArrayBlockingQueue<>(QUEUED_PARTS);
            Thread thread = new Thread(() -> drain(queue), "import-worker-" + i);
            pending.add(new LinkedHashMap<>());
            queues.add(queue);
            threads.add(thread);
            thread.start();
        }
    }

    /** Adds a well-formed row to its client's worker; blocks while the workers are a chunk behind. */
    void submit(ClientCommand command) throws InterruptedException {
        pending.get(command.client() % pending.size())
                .computeIfAbsent(command.client(), client -> new ArrayList<>())
                .add(command);
        countRow();
    }

    /** Records a malformed row with the chunk it was read in. */
    void submit(RowMalformed malformed) throws InterruptedException {
        pendingMalformed.add(malformed);
        countRow();
    }

    /** Applies everything submitted and waits until it is stored. */
    void finish() throws InterruptedException {
        flush();
        for (BlockingQueue<Part> queue : queues) {
            queue.put(END);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        throwIfFailed();
    }

    private void countRow() throws InterruptedException {
        if (++pendingRows >= chunkRows) {
            flush();
        }
    }

    private void flush() throws InterruptedException {
        throwIfFailed();
        for (int worker = 0; worker < queues.size(); worker++) {
            List<ApplyTransactions> batches = new ArrayList<>(pending.get(worker).size());
            pending.get(worker).forEach((client, rows) -> batches.add(new ApplyTransactions(client, rows)));
            pending.get(worker).clear();
            List<RowMalformed> malformed = worker == 0 ? pendingMalformed : List.of();
            if (!batches.isEmpty() || !malformed.isEmpty()) {
                queues.get(worker).put(new Part(batches, malformed));
            }
        }
        pendingMalformed = new ArrayList<>();
        pendingRows = 0;
    }

    private void drain(BlockingQueue<Part> queue) {
        try {
            for (Part part = queue.take(); part != END; part = queue.take()) {
                if (failure.get() == null) {
                    apply(part);
                }
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new ImportFailedException("import interrupted", e));
            Thread.currentThread().interrupt();
        }
    }

    /** One unit of work: every command of the part nests in it, and its commit stores all their events. */
    private void apply(Part part) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (ApplyTransactions batch : part.batches()) {
                CommandMessage<ApplyTransactions> command = new GenericCommandMessage<>(batch);
                CommandCallback<ApplyTransactions, Object> callback = this::checkResult;
                commandBus.dispatch(command, callback);
                throwIfFailed();
            }
            part.malformed().forEach(row -> eventBus.publish(GenericEventMessage.asEventMessage(row)));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            failure.compareAndSet(null, e instanceof ImportFailedException failed ? failed
                    : new ImportFailedException("could not store a chunk of rows: " + e.getMessage(), e));
        }
    }

    private void checkResult(CommandMessage<? extends ApplyTransactions> command, CommandResultMessage<?> result) {
        if (result.isExceptional()) {
            ApplyTransactions batch = command.getPayload();
            Throwable cause = result.exceptionResult();
            failure.compareAndSet(null, new ImportFailedException("client " + batch.client() + ", rows from "
                    + batch.rows().get(0).origin() + ": could not be applied: " + cause.getMessage(), cause));
        }
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

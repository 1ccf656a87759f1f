package io.payonator.ops.importer;

import io.payonator.api.ClientCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spreads commands over a fixed set of worker threads, each client always on the same worker, so a
 * client's rows are applied in input order while different clients proceed concurrently
 * (SPEC.md, Guarantees). A worker sends one command at a time and waits for its outcome.
 */
final class ClientWorkers implements AutoCloseable {

    private static final int QUEUE_CAPACITY = 4096;
    private static final Object END = new Object();

    private final CommandGateway commands;
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<ImportFailedException> failure = new AtomicReference<>();

    ClientWorkers(CommandGateway commands, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + count);
        }
        this.commands = commands;
        for (int i = 0; i < count; i++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            Thread thread = new Thread(() -> drain(queue), "import-worker-" + i);
            queues.add(queue);
            threads.add(thread);
            thread.start();
        }
    }

    /** Queues the command on its client's worker; blocks while that worker is busy. */
    void submit(ClientCommand command) throws InterruptedException {
        throwIfFailed();
        queues.get(command.client() % queues.size()).put(command);
    }

    /** Waits until every queued command has been handled. */
    void finish() throws InterruptedException {
        for (BlockingQueue<Object> queue : queues) {
            queue.put(END);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        throwIfFailed();
    }

    private void drain(BlockingQueue<Object> queue) {
        try {
            for (Object next = queue.take(); next != END; next = queue.take()) {
                if (failure.get() == null) {
                    handle((ClientCommand) next);
                }
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new ImportFailedException("import interrupted", e));
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ClientCommand command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, new ImportFailedException(
                    command.origin() + ": could not apply " + command.type().code() + ": " + e.getMessage(), e));
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

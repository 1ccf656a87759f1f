package io.payonator.ops.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Group commit for the service's writes. Requests wait here in arrival order; one writer thread
 * takes its turn at {@link LedgerWrites}, then every request waiting (at most {@code maxRows} rows,
 * but always at least one request, however many rows it has), and hands them to the group writer,
 * which stores them in one transaction and answers each after its commit. One commit, and on SQLite
 * one flush to disk, then serves every request that arrived while the one before was written.
 *
 * <p>The group is taken after the turn, not before: a replay, or a test, that holds the turn
 * finds every request that arrived meanwhile in the next group.
 *
 * @param <R> a request, which the group writer answers
 */
final class WriteGroups<R extends WriteGroups.Request> implements AutoCloseable {

    /** A request in the queue. */
    interface Request {

        /** Its rows, which count against a group's bound. */
        int rows();

        /** Answers it with a failure: it was not written. */
        void refuse(RuntimeException why);
    }

    private static final Logger log = LoggerFactory.getLogger(WriteGroups.class);
    private static final long IDLE_CHECK_MILLIS = 200;

    private final BlockingQueue<R> waiting = new LinkedBlockingQueue<>();
    /** Submitted, and not yet in a group that has its turn: the queue, and the next group's first. */
    private final AtomicInteger ungrouped = new AtomicInteger();
    private final LedgerWrites writes;
    private final Consumer<List<R>> groupWriter;
    private final int maxRows;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param groupWriter stores a group, in order, and answers each of its requests; it runs in the
     *                    writer thread during its turn at {@code writes}
     */
    WriteGroups(LedgerWrites writes, int maxRows, Consumer<List<R>> groupWriter) {
        this.writes = writes;
        this.maxRows = maxRows;
        this.groupWriter = groupWriter;
        this.writer = new Thread(this::writeUntilClosed, "payonator-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the request; the group writer answers it. */
    void submit(R request) {
        if (closed) {
            throw stopping();
        }
        ungrouped.incrementAndGet();
        waiting.add(request);
        // closed meanwhile: the writer may have gone before it could take this one
        if (closed && waiting.remove(request)) {
            ungrouped.decrementAndGet();
            throw stopping();
        }
    }

    /** Requests submitted whose group has not had its turn yet. */
    int waiting() {
        return ungrouped.get();
    }

    private void writeUntilClosed() {
        try {
            while (!closed) {
                // a bounded wait, not an interrupt, ends it: an interrupt could break a write in progress
                R first = waiting.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    writeGroup(first);
                }
            }
        } catch (InterruptedException e) {
            log.error("the writer thread was interrupted; writes are refused from now on", e);
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            refuseWaiting();
        }
    }

    private void writeGroup(R first) {
        List<R> group = new ArrayList<>();
        group.add(first);
        try {
            writes.exclusive(() -> {
                gather(group);
                ungrouped.addAndGet(-group.size());
                writeOrRefuse(group);
                return null;
            });
        } catch (ErrorResponseException e) {
            // the turn refused (a replay runs): only the first was taken
            ungrouped.decrementAndGet();
            first.refuse(e);
        }
    }

    /**
     * The group writer answers every request itself; what comes out of it is a fault of the writer,
     * which may have answered some requests already: the others learn of it.
     */
    private void writeOrRefuse(List<R> group) {
        try {
            groupWriter.accept(group);
        } catch (RuntimeException e) {
            log.error("a group of {} requests could not be written: {}", group.size(), e.getMessage(), e);
            group.forEach(request -> request.refuse(e));
        } catch (Error e) {
            group.forEach(request -> request.refuse(new LedgerWriteFailedException("the writer thread failed ("
                    + e + "); the rows may or may not have been stored", e)));
            throw e;
        }
    }

    /** Adds the requests waiting behind the group's first, in order, while they fit in the bound. */
    private void gather(List<R> group) {
        int rows = group.get(0).rows();
        for (R next = waiting.peek(); next != null && rows + next.rows() <= maxRows; next = waiting.peek()) {
            group.add(waiting.remove());
            rows += next.rows();
        }
    }

    private void refuseWaiting() {
        for (R request = waiting.poll(); request != null; request = waiting.poll()) {
            ungrouped.decrementAndGet();
            request.refuse(stopping());
        }
    }

    /** Stops the writer after the group in progress; requests still waiting are refused (503). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join();
        refuseWaiting();
    }

    private static ErrorResponseException stopping() {
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "the service is stopping; nothing was written"), null);
        exception.getHeaders().set("Retry-After", "5");
        return exception;
    }
}

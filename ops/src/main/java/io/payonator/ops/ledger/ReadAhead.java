package io.payonator.ops.ledger;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Reads the next batch of events while the processor applies the one it was just given. A
 * processor catching up (after an import, or in a replay) otherwise reads and applies in turn on
 * one thread and leaves the second core idle: reading is about a third of its work.
 *
 * <p>Only after a full batch, when more events are likely waiting, is the next one read ahead, and
 * it is handed out only to a request from exactly where that batch ended; any other request is
 * read directly and the batch read ahead is dropped. A batch read ahead is what a direct read a
 * moment earlier would have returned: tracking streams never assume a batch is the latest, and
 * gaps left by writers still committing are in its tokens as in any other.
 */
final class ReadAhead {

    private static final Logger log = LoggerFactory.getLogger(ReadAhead.class);

    private record Pending(TrackingToken from, int batchSize, CompletableFuture<List<? extends TrackedEventData<?>>> batch) {
    }

    private final BiFunction<TrackingToken, Integer, List<? extends TrackedEventData<?>>> read;
    private final ThreadPoolExecutor reader;
    private Pending pending;

    /** @param read reads a batch directly: the events after a token, at most the batch size */
    ReadAhead(BiFunction<TrackingToken, Integer, List<? extends TrackedEventData<?>>> read) {
        this.read = read;
        // one thread, ended when idle: a ledger that is only being queried keeps none
        this.reader = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "event-read-ahead");
            thread.setDaemon(true);
            return thread;
        });
        this.reader.allowCoreThreadTimeOut(true);
    }

    /** The events after {@code from}, at most {@code batchSize}, read ahead if they were. */
    synchronized List<? extends TrackedEventData<?>> fetch(TrackingToken from, int batchSize) {
        List<? extends TrackedEventData<?>> batch = takePending(from, batchSize);
        if (batch == null) {
            batch = read.apply(from, batchSize);
        }
        if (batch.size() == batchSize) {
            TrackingToken end = batch.get(batch.size() - 1).trackingToken();
            pending = new Pending(end, batchSize, CompletableFuture.supplyAsync(() -> read.apply(end, batchSize), reader));
        }
        return batch;
    }

    /** The batch read ahead from {@code from}, or null if there is none; any other is dropped. */
    private List<? extends TrackedEventData<?>> takePending(TrackingToken from, int batchSize) {
        Pending taken = pending;
        pending = null;
        if (taken == null) {
            return null;
        }
        if (taken.batchSize() != batchSize || !Objects.equals(taken.from(), from)) {
            // nobody needs it, but a failure may tell why the direct read that follows fails too
            taken.batch().whenComplete((unused, failure) -> {
                if (failure != null) {
                    log.debug("a batch of events read ahead from {} and not used failed", taken.from(), failure);
                }
            });
            return null;
        }
        try {
            return taken.batch().get();
        } catch (ExecutionException e) {
            // the same failure a direct read would have met: the processor handles it as one
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new EventStoreException("reading events ahead failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for events read ahead", e);
        }
    }
}

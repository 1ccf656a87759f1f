package io.payonator.ops.web;

import io.payonator.ops.ledger.ProjectionReadConnections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The service's writes, one at a time. The {@code Client} aggregates and the tx-id registry are
 * not safe for concurrent use (the bulk importer gives each client one thread; the service has one
 * lock), and taking the reservations in one order is what keeps duplicates deterministic.
 *
 * <p>A replay closes it: a replay compares the rebuilt balances with those before, which only
 * means something if no event is added meanwhile, so writes are refused (503) until it is done.
 * If a replay fails after the tables were emptied, writes stay refused until a replay succeeds:
 * reads still serve the balances from before it, and new writes would not show in them.
 */
@Component
class LedgerWrites {

    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private enum State { OPEN, REPLAYING, REPLAY_FAILED }

    private final ProjectionReadConnections reads;
    /**
     * Changed only under this object's lock; read without it: health and metrics ask for it and must
     * not wait for a write of many rows to finish.
     */
    private volatile State state = State.OPEN;

    LedgerWrites(ProjectionReadConnections reads) {
        this.reads = reads;
    }

    /** Runs {@code work} alone, after every write before it; refuses while a replay runs or has failed. */
    synchronized <T, E extends Exception> T exclusive(Work<T, E> work) throws E {
        if (state != State.OPEN) {
            throw unavailable(state == State.REPLAYING
                    ? "a replay is rebuilding the balances; writes resume when it is done"
                    : "the last replay failed; writes resume after a replay succeeds (POST /admin/replay)");
        }
        return work.run();
    }

    /** Waits for the write in progress, then refuses writes. */
    synchronized void beginReplay() {
        if (state == State.REPLAYING) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "a replay is already running"), null);
        }
        state = State.REPLAYING;
    }

    synchronized void endReplay(boolean succeeded) {
        // a replay that failed before the tables were emptied left them as they were
        state = succeeded || !reads.snapshotPinned() ? State.OPEN : State.REPLAY_FAILED;
    }

    boolean replaying() {
        return state == State.REPLAYING;
    }

    boolean open() {
        return state == State.OPEN;
    }

    private static ErrorResponseException unavailable(String detail) {
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail), null);
        exception.getHeaders().set("Retry-After", "5");
        return exception;
    }
}

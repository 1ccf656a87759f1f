package io.payonator.ops.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transaction of one chunk of imported rows, shared by the workers applying its parts: the
 * event store appends a bound thread's events here instead of in a transaction of their own (see
 * {@link LedgerStorageEngine}). It begins at its first write, once the chunk before it has ended,
 * and writes from several workers take turns.
 *
 * <p>A failed write ends the chunk at once: SQLite rolls a transaction back by itself on some
 * errors (a full disk, an I/O error), and a later worker's write would then run outside any
 * transaction and be stored without the chunk's progress marks, to be applied again on resume.
 */
public final class ChunkTransaction {

    /** The chunk whose part the current thread is applying, if any. */
    private static final ThreadLocal<ChunkTransaction> BOUND = new ThreadLocal<>();

    /** Statements run on the chunk's connection. */
    @FunctionalInterface
    public interface Write<R> {
        R apply(Connection connection) throws SQLException;
    }

    private final ImportTransactions transactions;
    private final ReentrantLock turn = new ReentrantLock();
    /** Completes with {@code true} once committed, {@code false} once rolled back. */
    private final CompletableFuture<Boolean> ended = new CompletableFuture<>();
    private ChunkTransaction previous;
    private boolean begun;
    /** The failure that ended this chunk before its commit, if any. */
    private Exception failed;

    ChunkTransaction(ImportTransactions transactions, ChunkTransaction previous) {
        this.transactions = transactions;
        this.previous = previous;
    }

    /** The chunk transaction the current thread's writes belong to, or {@code null}. */
    static ChunkTransaction bound() {
        return BOUND.get();
    }

    /** Runs work whose event store appends go into this chunk's transaction. */
    public void runBound(Runnable work) {
        BOUND.set(this);
        try {
            work.run();
        } finally {
            BOUND.remove();
        }
    }

    public <R> R write(Write<R> statements) throws SQLException, InterruptedException {
        turn.lock();
        try {
            beginOnce();
            return statements.apply(transactions.connection());
        } catch (SQLException | RuntimeException e) {
            discard(e);
            throw e;
        } finally {
            turn.unlock();
        }
    }

    /** Writes the last statements and commits; an empty chunk still waits for its turn. */
    public void commit(Write<?> last) throws SQLException, InterruptedException {
        turn.lock();
        try {
            beginOnce();
            last.apply(transactions.connection());
            transactions.commit();
            ended.complete(true);
        } catch (SQLException | RuntimeException e) {
            discard(e);
            throw e;
        } finally {
            turn.unlock();
        }
    }

    boolean hasEnded() {
        return ended.isDone();
    }

    /** Discards whatever the chunk wrote; the chunks after it will not be stored either. */
    public void rollback() throws SQLException {
        turn.lock();
        try {
            previous = null;
            if (begun && !ended.isDone()) {
                transactions.rollback();
            }
        } finally {
            ended.complete(false);
            turn.unlock();
        }
    }

    /** Ends the chunk after a failed write, so that no later write of it runs outside its transaction. */
    private void discard(Exception failure) {
        if (failed != null) {
            return;
        }
        failed = failure;
        try {
            rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void beginOnce() throws SQLException, InterruptedException {
        if (failed != null) {
            throw new ChunkNotStoredException("an earlier write of this chunk of rows failed: " + failed.getMessage());
        }
        if (begun) {
            return;
        }
        awaitPrevious();
        transactions.begin();
        begun = true;
    }

    private void awaitPrevious() throws InterruptedException {
        if (previous == null) {
            return;
        }
        try {
            if (!previous.ended.get()) {
                throw new ChunkNotStoredException("an earlier chunk of rows was not stored");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chunk transaction ends by completing, never exceptionally", e);
        }
        previous = null;
    }

    /** This chunk cannot be stored because the chunk before it was not. */
    public static final class ChunkNotStoredException extends IllegalStateException {
        ChunkNotStoredException(String message) {
            super(message);
        }
    }
}

package io.payonator.ops.ledger;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a ledger is stored, as {@code --db} names it: a SQLite file ({@code ledger.sqlite}) or a
 * PostgreSQL database ({@code ledger.postgres}). Everything that differs between the backends
 * before the ledger's Spring context exists is asked of this; inside the context, of
 * {@link StorageBackend}.
 */
public interface LedgerLocation {

    /** The Spring profile of the backend's configuration; it also names the backend to users. */
    String backend();

    /** Properties of the ledger's Spring context: where its connections go. */
    Map<String, Object> properties();

    /**
     * Takes this process's right to write the ledger, held until closed: one writer at a time.
     *
     * @throws LedgerInUseException if another process holds it
     */
    WriterLock lockForWriting();

    /**
     * Takes a cluster node's share of the right to write: the nodes of a cluster write together, a
     * plain writer is refused while any of them runs (and the other way round).
     *
     * @param node the node's cluster address, which names it to whoever is refused
     * @throws LedgerInUseException          if a plain writer holds the ledger
     * @throws UnsupportedOperationException if the backend cannot be shared by several processes
     */
    default WriterLock lockForCluster(String node) {
        throw new UnsupportedOperationException("a " + backend() + " ledger cannot be served by a cluster");
    }

    /** Whether there is a ledger here already (opening one that is not there creates it). */
    boolean exists();

    /**
     * Why what is there is not a ledger, or empty when it is one or may become one: a command must
     * not create a lock file beside a CSV given as {@code --db}, nor its tables in another program's
     * database.
     */
    Optional<String> notALedger();

    /** Makes room for a new ledger before its schema is created: a file readable by its owner only, say. */
    void create();

    /** The ledger's file, for a backend that keeps it in one (SQLite): checked before anything is stored. */
    Optional<Path> file();

    /** Removes a ledger the current, failed start created, while the writer's lock is still held. */
    void removeCreated();

    /** Whether the ledger is deleted when closed (a temporary one, for an import without {@code --db}). */
    boolean isTemporary();

    /** Deletes the ledger with everything beside it; for temporary ledgers, after they are closed. */
    void delete();

    /** Whether the failure comes from the ledger's storage (its database or file), rather than elsewhere. */
    boolean isStorageFailure(Throwable failure);

    /** What a failure to open or write the ledger means, in an operator's words. */
    String describe(Throwable failure);

    /** Names the ledger in messages; never shows a password. */
    @Override
    String toString();

    /** The right to write a ledger, until closed; a bean of the ledger's context. */
    interface WriterLock extends AutoCloseable {

        /**
         * @throws LedgerInUseException if the lock was lost (a database connection ended), so
         *                              that nothing more may be written
         */
        void check();

        @Override
        void close();
    }
}

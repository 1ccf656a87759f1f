package io.payonator.command.intake;

import org.roaringbitmap.RoaringBitmap;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reservations looked up in the ledger's stored reservations rather than all held in memory: a
 * writer that starts on a long ledger (the service) reads nothing up front. Reservations taken
 * since the last {@link #settle()} are pending: the ledger stores them with the events of their
 * rows, or not at all. Ids known to be reserved are remembered, since a reservation never ends.
 * Not thread-safe: its writer decides rows one request at a time.
 *
 * <p>A writer may {@link #lookUp} the ids of the rows it is about to decide together in one query;
 * an id it did not is looked up alone when a row reserves it.
 */
public final class StoredTransactionIdRegistry implements TransactionIdRegistry {

    /** The ledger's stored reservations. */
    @FunctionalInterface
    public interface StoredReservations {

        /** Which of {@code txs} the ledger holds a reservation of. */
        Collection<Long> reservedAmong(Collection<Long> txs);
    }

    private final StoredReservations stored;
    private final Set<Long> pending = new HashSet<>();
    private final RoaringBitmap known = new RoaringBitmap();
    /**
     * Looked up since the last {@link #settle()} and not stored then. Only until then: the next
     * rows are decided against what is stored by that time, another writer's rows included.
     */
    private final Set<Long> free = new HashSet<>();

    public StoredTransactionIdRegistry(StoredReservations stored) {
        this.stored = stored;
    }

    @Override
    public boolean reserve(long tx) {
        if (pending.contains(tx) || known.contains((int) tx)) {
            return false;
        }
        if (!free.contains(tx)) {
            lookUp(List.of(tx));
            if (known.contains((int) tx)) {
                return false;
            }
        }
        pending.add(tx);
        return true;
    }

    /** Asks the ledger at once which of {@code txs} it holds, for the rows about to reserve them. */
    public void lookUp(Collection<Long> txs) {
        Set<Long> unknown = new HashSet<>();
        for (long tx : txs) {
            if (!pending.contains(tx) && !known.contains((int) tx) && !free.contains(tx)) {
                unknown.add(tx);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        for (long tx : stored.reservedAmong(unknown)) {
            known.add((int) tx);
        }
        for (long tx : unknown) {
            if (!known.contains((int) tx)) {
                free.add(tx);
            }
        }
    }

    /**
     * The pending reservations were stored with their rows, or rolled back with them: from now on
     * the ledger's own table says which.
     */
    public void settle() {
        pending.clear();
        free.clear();
    }
}

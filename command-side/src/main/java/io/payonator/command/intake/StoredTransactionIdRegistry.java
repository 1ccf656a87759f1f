package io.payonator.command.intake;

import org.roaringbitmap.RoaringBitmap;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Reservations looked up in the ledger's stored reservations rather than all held in memory: a
 * writer that starts on a long ledger (the service) reads nothing up front. Reservations taken
 * since the last {@link #settle()} are pending: the ledger stores them with the events of their
 * rows, or not at all. Ids known to be reserved are remembered, since a reservation never ends.
 * Not thread-safe: its writer decides rows one request at a time.
 */
public final class StoredTransactionIdRegistry implements TransactionIdRegistry {

    private final LongPredicate stored;
    private final Set<Long> pending = new HashSet<>();
    private final RoaringBitmap known = new RoaringBitmap();

    /** @param stored whether the ledger holds a reservation of a tx id */
    public StoredTransactionIdRegistry(LongPredicate stored) {
        this.stored = stored;
    }

    @Override
    public boolean reserve(long tx) {
        if (pending.contains(tx) || known.contains((int) tx)) {
            return false;
        }
        if (stored.test(tx)) {
            known.add((int) tx);
            return false;
        }
        pending.add(tx);
        return true;
    }

    /**
     * The pending reservations were stored with their rows, or rolled back with them: from now on
     * the ledger's own table says which.
     */
    public void settle() {
        pending.clear();
    }
}

package io.payonator.command.intake;

import org.roaringbitmap.RoaringBitmap;

/**
 * Reserved tx ids in a compressed bitmap: ids are unsigned 32-bit (SPEC.md), which RoaringBitmap
 * stores as ints, in a few bits per id for dense ranges. A bulk import fills it from the ledger's
 * stored reservations and then decides every row against memory.
 */
public final class InMemoryTransactionIdRegistry implements TransactionIdRegistry {

    private final RoaringBitmap reserved = new RoaringBitmap();

    @Override
    public synchronized boolean reserve(long tx) {
        return reserved.checkedAdd(toUnsignedInt(tx));
    }

    public synchronized long size() {
        return reserved.getLongCardinality();
    }

    private static int toUnsignedInt(long tx) {
        if (tx < 0 || tx > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("tx id out of range: " + tx);
        }
        return (int) tx;
    }
}

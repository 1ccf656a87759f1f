package io.payonator.command.intake;

import org.axonframework.eventhandling.EventMessage;
import org.roaringbitmap.RoaringBitmap;

import java.util.stream.Stream;

/**
 * Reserved tx ids in a compressed bitmap: ids are unsigned 32-bit (SPEC.md), which RoaringBitmap
 * stores as ints, in a few bits per id for dense ranges. Filled from the event store when a
 * persistent ledger is opened, so reservations survive restarts.
 */
public final class InMemoryTransactionIdRegistry implements TransactionIdRegistry {

    private final RoaringBitmap reserved = new RoaringBitmap();

    /**
     * The reservations an event history implies: every deposit or withdrawal that reached an
     * account, accepted or rejected, reserved its tx id.
     */
    public static InMemoryTransactionIdRegistry fromHistory(Stream<? extends EventMessage<?>> history) {
        InMemoryTransactionIdRegistry registry = new InMemoryTransactionIdRegistry();
        try (history) {
            history.filter(InMemoryTransactionIdRegistry::mayReserve)
                    .forEach(event -> registry.reserveFrom(event.getPayload()));
        }
        return registry;
    }

    private static boolean mayReserve(EventMessage<?> event) {
        return Reservations.mayReserve(event.getPayloadType());
    }

    private void reserveFrom(Object event) {
        long tx = Reservations.reservedBy(event);
        if (tx != Reservations.NONE) {
            reserve(tx);
        }
    }

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

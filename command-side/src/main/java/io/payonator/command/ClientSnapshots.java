package io.payonator.command;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A {@link Client}'s state as a snapshot's bytes, and back: a format byte, the client id, the
 * balances and the lock, about 30 bytes whatever the client's history. A client with a long
 * history then loads from its latest snapshot and the events after it, and recalls a deposit made
 * before the snapshot from the {@link StoredDeposits} when a row names it. Written by hand, not by
 * Jackson, so that the aggregate keeps its fields to itself.
 */
public final class ClientSnapshots {

    /**
     * First byte of every snapshot; a later layout gets a new one. An unknown one is refused, and
     * Axon then loads the client from its events and snapshots it anew: so are version 2's, which
     * carried the client's whole deposit table (17 bytes a slot, 35 MB for a million deposits).
     */
    private static final byte FORMAT_V3 = 3;

    private ClientSnapshots() {
    }

    public static boolean handles(Class<?> type) {
        return type == Client.class;
    }

    /** Whether these stored bytes are a snapshot this version reads; others are passed over (see {@code ClientSnapshotSerializer}). */
    public static boolean readable(byte[] snapshot) {
        return snapshot.length > 0 && snapshot[0] == FORMAT_V3;
    }

    public static byte[] encode(Object client) {
        Client state = (Client) client;
        ByteBuffer out = ByteBuffer.allocate(1 + state.snapshotBytes());
        out.put(FORMAT_V3);
        state.writeSnapshot(out);
        return out.array();
    }

    /** @throws IllegalArgumentException if the bytes are not a snapshot this version reads */
    public static Object decode(byte[] snapshot) {
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        try {
            byte format = in.get();
            if (format != FORMAT_V3) {
                throw new IllegalArgumentException("unknown client snapshot format " + format);
            }
            return Client.fromSnapshot(in);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a damaged client snapshot: it ends too early", e);
        }
    }
}

package io.payonator.command;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A {@link Client}'s state as a snapshot's bytes, and back: a format byte, the client id, the
 * balances and lock, then the client's deposit table as it is in memory (17 bytes a slot). A
 * client with a long history then loads from its latest snapshot and the events after it.
 * Written by hand, not by Jackson, so that the aggregate keeps its fields to itself and a snapshot
 * of a million deposits reads in milliseconds, straight from the stored bytes.
 */
public final class ClientSnapshots {

    /**
     * First byte of every snapshot; a later layout gets a new one. An unknown one is refused, and
     * Axon then loads the client from its events and snapshots it anew.
     */
    private static final byte FORMAT_V2 = 2;

    private ClientSnapshots() {
    }

    public static boolean handles(Class<?> type) {
        return type == Client.class;
    }

    /** Whether these stored bytes are a snapshot this version reads; others are passed over (see {@code ClientSnapshotSerializer}). */
    public static boolean readable(byte[] snapshot) {
        return snapshot.length > 0 && snapshot[0] == FORMAT_V2;
    }

    public static byte[] encode(Object client) {
        Client state = (Client) client;
        ByteBuffer out = ByteBuffer.allocate(1 + state.snapshotBytes());
        out.put(FORMAT_V2);
        state.writeSnapshot(out);
        return out.array();
    }

    /** @throws IllegalArgumentException if the bytes are not a snapshot this version reads */
    public static Object decode(byte[] snapshot) {
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        try {
            byte format = in.get();
            if (format != FORMAT_V2) {
                throw new IllegalArgumentException("unknown client snapshot format " + format);
            }
            return Client.fromSnapshot(in);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a damaged client snapshot: it ends too early", e);
        }
    }
}

package io.payonator.command;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A {@link Client}'s state as a snapshot's bytes, and back: a format byte, the client id, the
 * balances and lock, then every deposit with its amount and dispute state (17 bytes each). A
 * client with a long history then loads from its latest snapshot and the events after it.
 * Written by hand, not by Jackson, so that the aggregate keeps its fields to itself and a snapshot
 * of a million deposits reads in milliseconds, straight from the stored bytes.
 */
public final class ClientSnapshots {

    /** First byte of every snapshot; a later layout gets a new one. */
    private static final byte FORMAT_V1 = 1;

    private ClientSnapshots() {
    }

    public static boolean handles(Class<?> type) {
        return type == Client.class;
    }

    public static byte[] encode(Object client) {
        Client state = (Client) client;
        ByteBuffer out = ByteBuffer.allocate(1 + state.snapshotBytes());
        out.put(FORMAT_V1);
        state.writeSnapshot(out);
        return out.array();
    }

    /** @throws IllegalArgumentException if the bytes are not a snapshot this version reads */
    public static Object decode(byte[] snapshot) {
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        try {
            byte format = in.get();
            if (format != FORMAT_V1) {
                throw new IllegalArgumentException("unknown client snapshot format " + format);
            }
            return Client.fromSnapshot(in);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a damaged client snapshot: it ends too early", e);
        }
    }
}

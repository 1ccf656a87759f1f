package io.payonator.command;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link Client}'s state as a snapshot's bytes, and back: a format byte, the balances and lock,
 * then every deposit with its amount and dispute state (17 bytes each). A client with a long
 * history then loads from its latest snapshot and the events after it. Written by hand, not by
 * Jackson, so that the aggregate keeps its fields to itself and a snapshot of a million deposits
 * reads in milliseconds.
 */
public final class ClientSnapshots {

    /** First byte of every snapshot; a later layout gets a new one. */
    private static final byte FORMAT_V1 = 1;
    /** The byte-array streams lock on every call: buffered, they are called once per 64 KiB. */
    private static final int BUFFER = 1 << 16;

    private ClientSnapshots() {
    }

    public static boolean handles(Class<?> type) {
        return type == Client.class;
    }

    public static byte[] encode(Object client) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, BUFFER))) {
            out.writeByte(FORMAT_V1);
            ((Client) client).writeSnapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a snapshot of " + client, e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a snapshot this version reads */
    public static Object decode(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new ByteArrayInputStream(snapshot), BUFFER))) {
            byte format = in.readByte();
            if (format != FORMAT_V1) {
                throw new IllegalArgumentException("unknown client snapshot format " + format);
            }
            return Client.fromSnapshot(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("a damaged client snapshot: " + e.getMessage(), e);
        }
    }
}

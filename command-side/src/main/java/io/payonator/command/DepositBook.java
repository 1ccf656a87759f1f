package io.payonator.command;

import io.payonator.api.Money;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The accepted deposits of one client and their dispute state: what disputes, resolves and
 * chargebacks refer to. Withdrawals are not kept: they cannot be disputed.
 *
 * <p>Every deposit a client ever made can be disputed, so all are kept, for every client, for as
 * long as the aggregate is cached: an open-addressing table of primitive arrays, about 30 bytes a
 * deposit instead of the 100 or so of a map of boxed entries, so ten million rows fit in a small heap.
 */
final class DepositBook {

    enum State { UNKNOWN, UNDISPUTED, DISPUTED, CHARGED_BACK }

    private static final long EMPTY = -1;
    private static final State[] STATES = State.values();

    private long[] txs = emptyTable(4);
    private long[] amounts = new long[4];
    private byte[] states = new byte[4];
    private int size;

    State stateOf(long tx) {
        int slot = find(tx);
        return slot < 0 ? State.UNKNOWN : STATES[states[slot]];
    }

    /** @throws IllegalStateException if {@code tx} is not a deposit of this client */
    Money amountOf(long tx) {
        return new Money(amounts[existing(tx)]);
    }

    void record(long tx, Money amount) {
        if ((size + 1) * 4L > txs.length * 3L) {
            grow();
        }
        int slot = slotFor(tx, txs);
        if (txs[slot] == EMPTY) {
            size++;
        }
        txs[slot] = tx;
        amounts[slot] = amount.units();
        states[slot] = (byte) State.UNDISPUTED.ordinal();
    }

    void markDisputed(long tx) {
        mark(tx, State.DISPUTED);
    }

    void markUndisputed(long tx) {
        mark(tx, State.UNDISPUTED);
    }

    void markChargedBack(long tx) {
        mark(tx, State.CHARGED_BACK);
    }

    private void mark(long tx, State state) {
        states[existing(tx)] = (byte) state.ordinal();
    }

    /** Bytes {@link #writeTo} writes: the table's capacity and size, then its three arrays whole. */
    int snapshotBytes() {
        return 2 * Integer.BYTES + txs.length * (2 * Long.BYTES + 1);
    }

    /**
     * The table as it is in memory, slots and all (empty ones too): reading it back is three bulk
     * copies, with no hashing or probing per deposit, so a client with a million deposits loads in
     * milliseconds even before the JIT has compiled anything.
     */
    void writeTo(ByteBuffer out) {
        out.putInt(txs.length);
        out.putInt(size);
        out.asLongBuffer().put(txs);
        out.position(out.position() + txs.length * Long.BYTES);
        out.asLongBuffer().put(amounts);
        out.position(out.position() + amounts.length * Long.BYTES);
        out.put(states);
    }

    /** Replaces this (empty) table with the one {@link #writeTo} wrote. */
    void readFrom(ByteBuffer in) {
        int capacity = in.getInt();
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("a deposit table of " + capacity + " slots, not a power of two");
        }
        size = in.getInt();
        txs = new long[capacity];
        amounts = new long[capacity];
        states = new byte[capacity];
        in.asLongBuffer().get(txs);
        in.position(in.position() + capacity * Long.BYTES);
        in.asLongBuffer().get(amounts);
        in.position(in.position() + capacity * Long.BYTES);
        in.get(states);
    }

    private int existing(long tx) {
        int slot = find(tx);
        if (slot < 0) {
            throw new IllegalStateException("tx " + tx + " is not a deposit of this client");
        }
        return slot;
    }

    private int find(long tx) {
        int slot = slotFor(tx, txs);
        return txs[slot] == tx ? slot : -1;
    }

    /** The slot holding {@code tx}, or the empty slot where it would go (linear probing). */
    private static int slotFor(long tx, long[] table) {
        int mask = table.length - 1;
        int slot = (int) (mix(tx) & mask);
        while (table[slot] != EMPTY && table[slot] != tx) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldTxs = txs;
        long[] oldAmounts = amounts;
        byte[] oldStates = states;
        txs = emptyTable(oldTxs.length * 2);
        amounts = new long[txs.length];
        states = new byte[txs.length];
        for (int i = 0; i < oldTxs.length; i++) {
            if (oldTxs[i] != EMPTY) {
                int slot = slotFor(oldTxs[i], txs);
                txs[slot] = oldTxs[i];
                amounts[slot] = oldAmounts[i];
                states[slot] = oldStates[i];
            }
        }
    }

    private static long[] emptyTable(int capacity) {
        long[] table = new long[capacity];
        Arrays.fill(table, EMPTY);
        return table;
    }

    /** Spreads sequential tx ids over the table (a 64-bit finaliser). */
    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}

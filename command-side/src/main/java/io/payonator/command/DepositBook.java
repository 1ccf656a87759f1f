package io.payonator.command;

import io.payonator.api.Money;

import java.util.Arrays;

/**
 * The accepted deposits of one client and their dispute state: what disputes, resolves and
 * chargebacks refer to. Withdrawals are not kept: they cannot be disputed.
 *
 * <p>A client sourced from its first event has every deposit it ever made here ({@code complete}).
 * One restored from a snapshot has only those its later events touched: a snapshot carries no
 * deposits, so that a client with a million of them loads in a few milliseconds, and the one a
 * dispute names is recalled from the {@link StoredDeposits} when it is needed.
 *
 * <p>An open-addressing table of primitive arrays: about 30 bytes a deposit instead of the 100 or so
 * of a map of boxed entries, so ten million rows fit in a small heap.
 */
final class DepositBook {

    private static final long EMPTY = -1;

    private long[] txs = emptyTable(4);
    private long[] amounts = new long[4];
    private byte[] states = new byte[4];
    private int size;
    private final boolean complete;

    /** An empty book of a client sourced from its first event: a deposit not here does not exist. */
    DepositBook() {
        this(true);
    }

    private DepositBook(boolean complete) {
        this.complete = complete;
    }

    /** The book of a client restored from a snapshot: deposits not here may be stored. */
    static DepositBook restored() {
        return new DepositBook(false);
    }

    /**
     * Makes sure deposit {@code tx} is here if {@code client} made it: a restored book asks the stored
     * deposits for one it does not hold. Called before a row that names a deposit is decided.
     */
    void recall(int client, long tx, StoredDeposits stored) {
        if (complete || find(tx) >= 0) {
            return;
        }
        stored.find(client, tx).ifPresent(deposit -> put(tx, deposit.amount().units(), deposit.state()));
    }

    DepositState stateOf(long tx) {
        int slot = find(tx);
        return slot < 0 ? DepositState.UNKNOWN : DepositState.fromCode(states[slot]);
    }

    /** @throws IllegalStateException if {@code tx} is not a deposit of this client */
    Money amountOf(long tx) {
        return new Money(amounts[existing(tx)]);
    }

    void record(long tx, Money amount) {
        put(tx, amount.units(), DepositState.UNDISPUTED);
    }

    void markDisputed(long tx, Money amount) {
        mark(tx, amount, DepositState.DISPUTED);
    }

    void markUndisputed(long tx, Money amount) {
        mark(tx, amount, DepositState.UNDISPUTED);
    }

    void markChargedBack(long tx, Money amount) {
        mark(tx, amount, DepositState.CHARGED_BACK);
    }

    int size() {
        return size;
    }

    /**
     * A restored book learns a deposit made before its snapshot from the event that changes it,
     * which carries the amount; a complete one holds every deposit its events name.
     */
    private void mark(long tx, Money amount, DepositState state) {
        int slot = find(tx);
        if (slot >= 0) {
            states[slot] = (byte) state.code();
        } else if (!complete) {
            put(tx, amount.units(), state);
        } else {
            throw new IllegalStateException("tx " + tx + " is not a deposit of this client");
        }
    }

    private void put(long tx, long units, DepositState state) {
        if ((size + 1) * 4L > txs.length * 3L) {
            grow();
        }
        int slot = slotFor(tx, txs);
        if (txs[slot] == EMPTY) {
            size++;
        }
        txs[slot] = tx;
        amounts[slot] = units;
        states[slot] = (byte) state.code();
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

package io.payonator.command;

import io.payonator.api.Money;

import java.util.HashMap;
import java.util.Map;

/**
 * The accepted deposits of one client and their dispute state: what disputes, resolves and
 * chargebacks refer to. Withdrawals are not kept: they cannot be disputed.
 */
final class DepositBook {

    enum State { UNKNOWN, UNDISPUTED, DISPUTED, CHARGED_BACK }

    private record Entry(Money amount, State state) {
    }

    private final Map<Long, Entry> byTx = new HashMap<>();

    State stateOf(long tx) {
        Entry entry = byTx.get(tx);
        return entry == null ? State.UNKNOWN : entry.state();
    }

    /** @throws IllegalStateException if {@code tx} is not a deposit of this client */
    Money amountOf(long tx) {
        return existing(tx).amount();
    }

    void record(long tx, Money amount) {
        byTx.put(tx, new Entry(amount, State.UNDISPUTED));
    }

    void markDisputed(long tx) {
        move(tx, State.DISPUTED);
    }

    void markUndisputed(long tx) {
        move(tx, State.UNDISPUTED);
    }

    void markChargedBack(long tx) {
        move(tx, State.CHARGED_BACK);
    }

    private void move(long tx, State state) {
        byTx.put(tx, new Entry(existing(tx).amount(), state));
    }

    private Entry existing(long tx) {
        Entry entry = byTx.get(tx);
        if (entry == null) {
            throw new IllegalStateException("tx " + tx + " is not a deposit of this client");
        }
        return entry;
    }
}

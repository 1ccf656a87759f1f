package io.payonator.command;

import io.payonator.api.Money;

import java.util.Optional;

/**
 * The deposits as stored with the committed events: where a {@link Client} restored from a snapshot,
 * which carries its balances but not its deposits, finds the one deposit a dispute, resolve or
 * chargeback names. The event store writes them in the transaction of the events that change them,
 * so they always agree with the committed events; what the client's own unit of work changed since
 * is in its {@link DepositBook} already.
 */
@FunctionalInterface
public interface StoredDeposits {

    /** For a client whose whole history is in memory: it never asks. */
    StoredDeposits NONE = (client, tx) -> Optional.empty();

    /** Deposit {@code tx} of {@code client}, if {@code tx} is an accepted deposit of that client. */
    Optional<Deposit> find(int client, long tx);

    record Deposit(Money amount, DepositState state) {
    }
}

package io.payonator.command.intake;

/**
 * The ledger-wide set of reserved deposit and withdrawal tx ids (SPEC.md step 2). A tx id is
 * reserved the first time a well-formed deposit or withdrawal names it, accepted or not; any later
 * row with that id is a duplicate. Reservations must be taken in input order, before rows are
 * spread over workers, so that the outcome never depends on scheduling.
 */
public interface TransactionIdRegistry {

    /**
     * Reserves {@code tx}.
     *
     * @return {@code true} if it was free and is now reserved, {@code false} if it was already taken
     */
    boolean reserve(long tx);
}

package io.payonator.api.event;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;

/**
 * The dispute on deposit {@code tx} was resolved: {@code amount} moves from held back to available.
 *
 * @param origin the row it was decided for, {@code null} in events stored before it was recorded
 */
public record Resolved(int client, long tx, Money amount, RowOrigin origin) {

    /** An event stored before events named their row: its origin is unknown. */
    public Resolved(int client, long tx, Money amount) {
        this(client, tx, amount, null);
    }
}

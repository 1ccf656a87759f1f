package io.payonator.api.event;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;

/**
 * A deposit was accepted: available and total grow by {@code amount}.
 *
 * @param origin the row it was decided for, {@code null} in events stored before it was recorded
 */
public record Deposited(int client, long tx, Money amount, RowOrigin origin) {

    /** An event stored before events named their row: its origin is unknown. */
    public Deposited(int client, long tx, Money amount) {
        this(client, tx, amount, null);
    }
}

package io.payonator.api.event;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;

/**
 * Deposit {@code tx} is now under dispute: {@code amount}, the deposit's amount, moves from available to held.
 *
 * @param origin the row it was decided for, {@code null} in events stored before it was recorded
 */
public record Disputed(int client, long tx, Money amount, RowOrigin origin) {

    /** An event stored before events named their row: its origin is unknown. */
    public Disputed(int client, long tx, Money amount) {
        this(client, tx, amount, null);
    }
}

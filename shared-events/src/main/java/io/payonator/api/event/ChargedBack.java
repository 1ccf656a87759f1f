package io.payonator.api.event;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;

/**
 * Deposit {@code tx} was charged back: {@code amount} leaves held and total, and the account is locked.
 *
 * @param origin the row it was decided for, {@code null} in events stored before it was recorded
 */
public record ChargedBack(int client, long tx, Money amount, RowOrigin origin) {

    /** An event stored before events named their row: its origin is unknown. */
    public ChargedBack(int client, long tx, Money amount) {
        this(client, tx, amount, null);
    }
}

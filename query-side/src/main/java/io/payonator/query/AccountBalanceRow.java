package io.payonator.query;

import io.payonator.api.AccountBalance;
import io.payonator.api.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One client's balances as the projection keeps them. It adds up the effects the events state;
 * it decides nothing (the rules live in the command side).
 */
@Entity
@Table(name = "account_balance")
public class AccountBalanceRow extends NewUntilStored<Integer> {

    @Id
    private int client;
    private long available;
    private long held;
    private long total;
    private boolean locked;

    protected AccountBalanceRow() {
        // for JPA
    }

    AccountBalanceRow(int client) {
        this.client = client;
    }

    /** Adds a batch's net effect; the arithmetic fails rather than wraps, like the ledger's. */
    void apply(BalanceChanges.Delta delta) {
        available = Math.addExact(available, delta.available);
        held = Math.addExact(held, delta.held);
        total = Math.addExact(total, delta.total);
        locked |= delta.locked;
    }

    @Override
    public Integer getId() {
        return client;
    }

    AccountBalance toBalance() {
        return new AccountBalance(client, new Money(available), new Money(held), new Money(total), locked);
    }
}

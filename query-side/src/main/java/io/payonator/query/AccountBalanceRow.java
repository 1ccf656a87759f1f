package io.payonator.query;

import io.payonator.api.AccountBalance;
import io.payonator.api.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * One client's balances as the projection keeps them. It adds up the effects the events state;
 * it decides nothing (the rules live in the command side).
 */
@Entity
@Table(name = "account_balance")
public class AccountBalanceRow implements Persistable<Integer> {

    @Id
    private int client;
    private long available;
    private long held;
    private long total;
    private boolean locked;
    @Transient
    private boolean fresh = true;

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

    /** Lets {@code save} insert a new account without first looking for it. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    AccountBalance toBalance() {
        return new AccountBalance(client, new Money(available), new Money(held), new Money(total), locked);
    }
}

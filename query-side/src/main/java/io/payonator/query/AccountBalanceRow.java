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
 * One client's balances as the projection keeps them. It applies the effects the events state;
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

    void credit(Money amount) {
        available = Math.addExact(available, amount.units());
        total = Math.addExact(total, amount.units());
    }

    void debit(Money amount) {
        available = Math.subtractExact(available, amount.units());
        total = Math.subtractExact(total, amount.units());
    }

    void hold(Money amount) {
        available = Math.subtractExact(available, amount.units());
        held = Math.addExact(held, amount.units());
    }

    void release(Money amount) {
        held = Math.subtractExact(held, amount.units());
        available = Math.addExact(available, amount.units());
    }

    void reverseAndLock(Money amount) {
        held = Math.subtractExact(held, amount.units());
        total = Math.subtractExact(total, amount.units());
        locked = true;
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

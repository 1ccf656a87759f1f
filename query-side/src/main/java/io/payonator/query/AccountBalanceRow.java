package io.payonator.query;

import io.payonator.api.query.AccountBalance;
import io.payonator.api.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One client's balances as the projection keeps them ({@link BalanceTable} writes them); read only.
 */
@Entity
@Immutable
@Table(name = "account_balance")
public class AccountBalanceRow {

    @Id
    private int client;
    private long available;
    private long held;
    private long total;
    private boolean locked;

    protected AccountBalanceRow() {
        // for JPA
    }

    AccountBalance toBalance() {
        return new AccountBalance(client, new Money(available), new Money(held), new Money(total), locked);
    }
}

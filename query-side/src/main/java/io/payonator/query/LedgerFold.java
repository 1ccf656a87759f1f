package io.payonator.query;

import io.payonator.api.Money;
import io.payonator.api.query.AccountBalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Balances rebuilt in memory from events given in ledger order: the ledger, or one client, as of a
 * point in history. Each account's change starts from zero, so after every event it is exactly the
 * balance, which always fits in 64 bits (the aggregate sees to it): the wrapping sums of
 * {@link BalanceChanges.Delta} never wrap here.
 */
public final class LedgerFold {

    private final TreeMap<Integer, BalanceChanges.Delta> accounts = new TreeMap<>();

    /** Applies one event's effect ({@link EventEffects}); events that move no money change nothing. */
    public void apply(Object event) {
        EventEffects.apply(event, client -> accounts.computeIfAbsent(client, key -> new BalanceChanges.Delta()));
    }

    /** The client's balance after the events applied so far; empty while its account is not open. */
    public Optional<AccountBalance> account(int client) {
        BalanceChanges.Delta account = accounts.get(client);
        return account == null || !account.opened ? Optional.empty() : Optional.of(balance(client, account));
    }

    /** Every open account, ascending client id. */
    public List<AccountBalance> accounts() {
        List<AccountBalance> open = new ArrayList<>(accounts.size());
        accounts.forEach((client, account) -> {
            if (account.opened) {
                open.add(balance(client, account));
            }
        });
        return open;
    }

    private static AccountBalance balance(int client, BalanceChanges.Delta account) {
        return new AccountBalance(client, new Money(account.available), new Money(account.held),
                new Money(account.total), account.locked);
    }
}

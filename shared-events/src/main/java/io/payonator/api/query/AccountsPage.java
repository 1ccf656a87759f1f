package io.payonator.api.query;

import java.util.List;

/** One page of the accounts, and how many accounts the ledger holds in all. */
public record AccountsPage(List<AccountBalance> accounts, int page, int size, long totalAccounts) {

    public AccountsPage {
        accounts = List.copyOf(accounts);
    }
}

package io.payonator.api.query;

/**
 * Query: one page of the accounts, ascending client id; page {@code page} (from 0) of {@code size}
 * accounts. Answered with an {@link AccountsPage}.
 */
public record FindAccountsPage(int page, int size) {

    public FindAccountsPage {
        Paging.check(page, size);
    }
}

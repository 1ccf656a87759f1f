package io.payonator.api.query;

/**
 * Query: a page of the accounts {@code filter} keeps, ascending client id, from {@code client} on
 * when it is not {@code null} (a search starts at the client asked for). Answered with an
 * {@link AccountsPage} whose total counts the accounts the filter keeps.
 */
public record FindAccounts(AccountFilter filter, Integer client, int page, int size) {

    public FindAccounts {
        Paging.check(page, size);
    }
}

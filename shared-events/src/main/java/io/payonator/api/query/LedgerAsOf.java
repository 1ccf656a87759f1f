package io.payonator.api.query;

import java.util.List;

/** Every account open as of position {@code asOf}, ascending client id, with its balance then. */
public record LedgerAsOf(long asOf, List<AccountBalance> accounts) {

    public LedgerAsOf {
        accounts = List.copyOf(accounts);
    }
}

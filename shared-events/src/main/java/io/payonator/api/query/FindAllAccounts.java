package io.payonator.api.query;

/** Query: every account, ascending client id. Answered with a list of {@link AccountBalance}. */
public record FindAllAccounts() {
}

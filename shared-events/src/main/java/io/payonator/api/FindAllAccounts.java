package io.payonator.api;

/** Query: every account, ascending client id. Answered with a list of {@link AccountBalance}. */
public record FindAllAccounts() {
}

package io.payonator.api.query;

/** Query: one account's balances. Answered with an {@link AccountBalance}, or {@code null} when unknown. */
public record FindAccount(int client) {
}

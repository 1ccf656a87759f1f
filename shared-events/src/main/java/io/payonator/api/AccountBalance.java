package io.payonator.api;

/** One account as the accounts report shows it. total = available + held always. */
public record AccountBalance(int client, Money available, Money held, Money total, boolean locked) {
}

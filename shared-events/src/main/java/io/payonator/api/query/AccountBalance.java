package io.payonator.api.query;

import io.payonator.api.Money;

/** One account as the accounts report shows it. total = available + held always. */
public record AccountBalance(int client, Money available, Money held, Money total, boolean locked) {
}

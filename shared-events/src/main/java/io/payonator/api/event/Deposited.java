package io.payonator.api.event;

import io.payonator.api.Money;

/** A deposit was accepted: available and total grow by {@code amount}. */
public record Deposited(int client, long tx, Money amount) {
}

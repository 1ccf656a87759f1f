package io.payonator.api.event;

import io.payonator.api.Money;

/** Deposit {@code tx} was charged back: {@code amount} leaves held and total, and the account is locked. */
public record ChargedBack(int client, long tx, Money amount) {
}

package io.payonator.api.event;

import io.payonator.api.Money;

/** The dispute on deposit {@code tx} was resolved: {@code amount} moves from held back to available. */
public record Resolved(int client, long tx, Money amount) {
}

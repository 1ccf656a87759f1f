package io.payonator.api.event;

import io.payonator.api.Money;

/** A withdrawal was accepted: available and total shrink by {@code amount}. */
public record Withdrawn(int client, long tx, Money amount) {
}

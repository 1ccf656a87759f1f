package io.payonator.api.event;

import io.payonator.api.Money;

/** Deposit {@code tx} is now under dispute: {@code amount}, the deposit's amount, moves from available to held. */
public record Disputed(int client, long tx, Money amount) {
}

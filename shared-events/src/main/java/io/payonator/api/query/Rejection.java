package io.payonator.api.query;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.TransactionType;

/**
 * One rejected or malformed row, at the position of the event that reported it. A malformed row
 * names no valid client: {@code client}, {@code type} and {@code tx} are {@code null} for it.
 */
public record Rejection(long position, String source, long line, Integer client, TransactionType type, Long tx,
                        Money amount, RejectionReason reason, String detail) {
}

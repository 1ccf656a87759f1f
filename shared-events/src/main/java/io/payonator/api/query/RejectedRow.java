package io.payonator.api.query;

import io.payonator.api.RejectionReason;

/**
 * One line of the rejects report; {@code eventPosition} is where the event reporting it sits in the
 * event store, {@code detail} the reason in words.
 */
public record RejectedRow(String source, long line, long eventPosition, RejectionReason reason, String detail) {
}

package io.payonator.api;

/** One line of the rejects report. */
public record RejectedRow(String source, long line, RejectionReason reason) {
}

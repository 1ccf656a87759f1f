package io.payonator.api.event;

import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;

/**
 * A row that breaks SPEC.md's input rules ({@code malformed} or {@code invalid_amount}). It names no
 * valid account, so it is an event of the ledger as a whole, not of a client.
 *
 * @param detail what exactly was wrong, for the operator
 */
public record RowMalformed(RowOrigin origin, RejectionReason reason, String detail) {
}

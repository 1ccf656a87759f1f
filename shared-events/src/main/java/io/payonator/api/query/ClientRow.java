package io.payonator.api.query;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.TransactionType;

import java.time.Instant;

/**
 * One row of a client as the ledger decided it: at {@code position}, the position of its outcome
 * event, recorded at {@code recorded}; and the account right after it.
 *
 * @param source where the row came from, or {@code null} where its event does not say (accepted rows
 *               stored before their events named their row)
 * @param line   the row's line in {@code source}, or {@code null} with it
 * @param amount the row's amount; for a dispute, resolve or chargeback the disputed deposit's, or
 *               {@code null} when the row was rejected and had none
 * @param reason why the row was rejected, {@code null} when accepted
 */
public record ClientRow(long position, Instant recorded, String source, Long line, TransactionType type, long tx,
                        Money amount, RejectionReason reason, AccountBalance after) {

    public boolean accepted() {
        return reason == null;
    }
}

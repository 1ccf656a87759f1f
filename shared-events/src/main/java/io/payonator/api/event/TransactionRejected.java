package io.payonator.api.event;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

/**
 * A well-formed row the ledger refused, with the reason code of SPEC.md. Kept in the event store so
 * that it is a complete audit log: tx-id reservations and the rejects report are rebuilt from it.
 *
 * @param amount the row's amount for deposits and withdrawals, otherwise {@code null}
 */
public record TransactionRejected(int client, TransactionType type, long tx, Money amount,
                                  RejectionReason reason, RowOrigin origin) {

    /**
     * A rejected deposit or withdrawal still reserved its tx id (SPEC.md step 2), unless the id was
     * reserved before: the duplicate itself reserves nothing.
     */
    public boolean reservedTxId() {
        return type.movesMoney() && reason != RejectionReason.DUPLICATE_TX;
    }
}

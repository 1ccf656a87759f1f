package io.payonator.ops.ledger;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Failures of an append that another writer caused, and that deciding the rows again resolves:
 * a tx id reserved meanwhile (decided again, the row is a {@code duplicate_tx}), or events of a
 * client appended meanwhile by another node (its aggregate, read again, includes them). The
 * database keys refused the append, so nothing of it was stored.
 */
public final class WriteConflicts {

    private WriteConflicts() {
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TxReservationTable.TxIdAlreadyReservedException
                    || cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}

package io.payonator.command.intake;

import io.payonator.api.Deposited;
import io.payonator.api.TransactionRejected;
import io.payonator.api.Withdrawn;

/**
 * Which tx id an event shows reserved: every deposit or withdrawal that reached an account,
 * accepted or rejected, reserved its tx id (SPEC.md step 2), except the duplicate itself. The one
 * place that reads reservations off events, for the stored reservation table and for rebuilding.
 */
public final class Reservations {

    /** No reservation. */
    public static final long NONE = -1;

    private Reservations() {
    }

    /** Whether events of this type can reserve a tx id. */
    public static boolean mayReserve(Class<?> eventType) {
        return eventType == Deposited.class || eventType == Withdrawn.class || eventType == TransactionRejected.class;
    }

    /** The tx id {@code event} reserved, or {@link #NONE}. */
    public static long reservedBy(Object event) {
        if (event instanceof Deposited deposited) {
            return deposited.tx();
        } else if (event instanceof Withdrawn withdrawn) {
            return withdrawn.tx();
        } else if (event instanceof TransactionRejected rejected && rejected.reservedTxId()) {
            return rejected.tx();
        }
        return NONE;
    }
}

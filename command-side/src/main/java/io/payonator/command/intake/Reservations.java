package io.payonator.command.intake;

import io.payonator.api.event.Deposited;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.event.Withdrawn;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which tx id an event shows reserved: every deposit or withdrawal that reached an account,
 * accepted or rejected, reserved its tx id (SPEC.md step 2), except the duplicate itself. The one
 * place that reads reservations off events, for the stored reservation table.
 */
public final class Reservations {

    /** No reservation. */
    public static final long NONE = -1;

    private Reservations() {
    }

    /**
     * The tx id {@code event} reserved, or {@link #NONE}. Its type is asked first, so the payload of
     * an event that cannot reserve (a stored one is deserialized on demand) is never read.
     */
    public static long reservedBy(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type != Deposited.class && type != Withdrawn.class && type != TransactionRejected.class) {
            return NONE;
        }
        Object payload = event.getPayload();
        if (payload instanceof Deposited deposited) {
            return deposited.tx();
        } else if (payload instanceof Withdrawn withdrawn) {
            return withdrawn.tx();
        } else if (payload instanceof TransactionRejected rejected && rejected.reservedTxId()) {
            return rejected.tx();
        }
        return NONE;
    }
}

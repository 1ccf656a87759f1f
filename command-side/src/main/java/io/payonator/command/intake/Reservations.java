package io.payonator.command.intake;

import io.payonator.api.event.ChargedBack;
import io.payonator.api.event.Deposited;
import io.payonator.api.event.Disputed;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.event.Withdrawn;
import io.payonator.command.DepositState;
import io.payonator.command.StoredDeposits;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which tx id an event shows reserved: every deposit or withdrawal that reached an account,
 * accepted or rejected, reserved its tx id (SPEC.md step 2), except the duplicate itself; and how
 * an event changes a deposit's dispute state. The one place that reads reservations and deposits
 * off events, for the stored reservation table (which is also the {@link StoredDeposits}).
 */
public final class Reservations {

    /** A deposit's new dispute state, set by the event that disputes, resolves or charges it back. */
    public record DepositChange(long tx, DepositState state) {
    }

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

    /** The deposit {@code event} makes, or {@code null}. */
    public static Deposited depositMadeBy(EventMessage<?> event) {
        return event.getPayloadType() == Deposited.class ? (Deposited) event.getPayload() : null;
    }

    /** How a dispute, resolve or chargeback event changes its deposit, or {@code null} for other events. */
    public static DepositChange depositChangedBy(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == Disputed.class) {
            return new DepositChange(((Disputed) event.getPayload()).tx(), DepositState.DISPUTED);
        } else if (type == Resolved.class) {
            return new DepositChange(((Resolved) event.getPayload()).tx(), DepositState.UNDISPUTED);
        } else if (type == ChargedBack.class) {
            return new DepositChange(((ChargedBack) event.getPayload()).tx(), DepositState.CHARGED_BACK);
        }
        return null;
    }
}

package io.payonator.command;

import io.payonator.api.event.AccountOpened;
import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ChargeBackDeposit;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.DepositFunds;
import io.payonator.api.event.Deposited;
import io.payonator.api.command.DisputeDeposit;
import io.payonator.api.event.Disputed;
import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.command.ResolveDispute;
import io.payonator.api.event.Resolved;
import io.payonator.api.command.TransactionOutcome;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.command.WithdrawFunds;
import io.payonator.api.event.Withdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static io.payonator.api.RejectionReason.ACCOUNT_LOCKED;
import static io.payonator.api.RejectionReason.ALREADY_DISPUTED;
import static io.payonator.api.RejectionReason.CHARGED_BACK;
import static io.payonator.api.RejectionReason.DUPLICATE_TX;
import static io.payonator.api.RejectionReason.INSUFFICIENT_FUNDS;
import static io.payonator.api.RejectionReason.NEGATIVE_TOTAL;
import static io.payonator.api.RejectionReason.NOT_DISPUTED;
import static io.payonator.api.RejectionReason.OVERFLOW;
import static io.payonator.api.RejectionReason.UNKNOWN_TX;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One client's account. Every ledger rule of SPEC.md lives here, checked in SPEC.md's order:
 * the account exists from the first well-formed row on, a reused tx id is a duplicate, a locked
 * account refuses everything, then the rule of the row's type. Each row yields exactly one
 * outcome event: the accepted change, or {@link TransactionRejected} with its reason; a row's
 * command answers with the same decision as a {@link TransactionOutcome}.
 * State changes only in the event sourcing handlers, so replaying the events rebuilds it exactly.
 * A client restored from a snapshot holds its balances but not its deposits: a row that names a
 * deposit first recalls it from the {@link StoredDeposits}, the committed events' own record of it.
 */
@Aggregate(repository = ClientAggregateConfiguration.REPOSITORY,
        commandTargetResolver = ClientAggregateConfiguration.TARGET_RESOLVER)
public class Client {

    @AggregateIdentifier
    private String clientId;
    private Money available = Money.ZERO;
    private Money held = Money.ZERO;
    private boolean locked;
    private DepositBook deposits = new DepositBook();

    protected Client() {
        // Axon creates the instance, then applies history or the first command to it
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransactionOutcome handle(DepositFunds command) {
        openIfNew(command);
        return decide(command, depositRejection(command),
                () -> new Deposited(command.client(), command.tx(), command.amount(), command.origin()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransactionOutcome handle(WithdrawFunds command) {
        openIfNew(command);
        return decide(command, withdrawalRejection(command),
                () -> new Withdrawn(command.client(), command.tx(), command.amount(), command.origin()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransactionOutcome handle(DisputeDeposit command, StoredDeposits stored) {
        openIfNew(command);
        deposits.recall(command.client(), command.tx(), stored);
        return decide(command, disputeRejection(command),
                () -> new Disputed(command.client(), command.tx(), deposits.amountOf(command.tx()),
                        command.origin()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransactionOutcome handle(ResolveDispute command, StoredDeposits stored) {
        openIfNew(command);
        deposits.recall(command.client(), command.tx(), stored);
        return decide(command, resolveRejection(command),
                () -> new Resolved(command.client(), command.tx(), deposits.amountOf(command.tx()),
                        command.origin()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransactionOutcome handle(ChargeBackDeposit command, StoredDeposits stored) {
        openIfNew(command);
        deposits.recall(command.client(), command.tx(), stored);
        return decide(command, chargebackRejection(command),
                () -> new ChargedBack(command.client(), command.tx(), deposits.amountOf(command.tx()),
                        command.origin()));
    }

    /**
     * Each row of the batch is decided in order by the same handler as when sent alone. The bulk
     * importer learns the outcomes from the events, so the batch answers nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ApplyTransactions batch, StoredDeposits stored) {
        for (ClientCommand row : batch.rows()) {
            decide(row, stored);
        }
    }

    private TransactionOutcome decide(ClientCommand row, StoredDeposits stored) {
        if (row instanceof DepositFunds deposit) {
            return handle(deposit);
        } else if (row instanceof WithdrawFunds withdrawal) {
            return handle(withdrawal);
        } else if (row instanceof DisputeDeposit dispute) {
            return handle(dispute, stored);
        } else if (row instanceof ResolveDispute resolve) {
            return handle(resolve, stored);
        } else if (row instanceof ChargeBackDeposit chargeback) {
            return handle(chargeback, stored);
        } else {
            throw new IllegalArgumentException("unknown row command " + row);
        }
    }

    /** SPEC.md step 1: the account exists from this row on, even if the row is then rejected. */
    private void openIfNew(ClientCommand command) {
        if (clientId == null) {
            apply(new AccountOpened(command.client()));
        }
    }

    private TransactionOutcome decide(ClientCommand command, Optional<RejectionReason> rejection,
                                      java.util.function.Supplier<Object> acceptance) {
        if (rejection.isPresent()) {
            apply(new TransactionRejected(command.client(), command.type(), command.tx(), command.amount(),
                    rejection.get(), command.origin()));
            return TransactionOutcome.rejected(rejection.get());
        }
        apply(acceptance.get());
        return TransactionOutcome.ACCEPTED;
    }

    private Optional<RejectionReason> depositRejection(DepositFunds command) {
        return firstOf(
                command.txIdSeenBefore() ? DUPLICATE_TX : null,
                locked ? ACCOUNT_LOCKED : null,
                available.canAdd(command.amount()) && total().canAdd(command.amount()) ? null : OVERFLOW);
    }

    private Optional<RejectionReason> withdrawalRejection(WithdrawFunds command) {
        return firstOf(
                command.txIdSeenBefore() ? DUPLICATE_TX : null,
                locked ? ACCOUNT_LOCKED : null,
                available.compareTo(command.amount()) >= 0 ? null : INSUFFICIENT_FUNDS);
    }

    private Optional<RejectionReason> disputeRejection(DisputeDeposit command) {
        if (locked) {
            return Optional.of(ACCOUNT_LOCKED);
        }
        DepositState state = deposits.stateOf(command.tx());
        return switch (state) {
            case UNKNOWN -> Optional.of(UNKNOWN_TX);
            case DISPUTED -> Optional.of(ALREADY_DISPUTED);
            case CHARGED_BACK -> Optional.of(CHARGED_BACK);
            case UNDISPUTED -> canMoveToHeld(deposits.amountOf(command.tx())) ? Optional.empty() : Optional.of(OVERFLOW);
        };
    }

    private Optional<RejectionReason> resolveRejection(ResolveDispute command) {
        return firstOf(
                locked ? ACCOUNT_LOCKED : null,
                disputedDepositRejection(command.tx()));
    }

    private Optional<RejectionReason> chargebackRejection(ChargeBackDeposit command) {
        Optional<RejectionReason> notChargeable = firstOf(
                locked ? ACCOUNT_LOCKED : null,
                disputedDepositRejection(command.tx()));
        if (notChargeable.isPresent()) {
            return notChargeable;
        }
        // the total balance never goes negative; the dispute stays open instead
        Money amount = deposits.amountOf(command.tx());
        return total().compareTo(amount) >= 0 ? Optional.empty() : Optional.of(NEGATIVE_TOTAL);
    }

    /** Resolve and chargeback both need a deposit of this client that is under dispute. */
    private RejectionReason disputedDepositRejection(long tx) {
        return switch (deposits.stateOf(tx)) {
            case UNKNOWN -> UNKNOWN_TX;
            case DISPUTED -> null;
            case UNDISPUTED, CHARGED_BACK -> NOT_DISPUTED;
        };
    }

    private boolean canMoveToHeld(Money amount) {
        return available.canSubtract(amount) && held.canAdd(amount);
    }

    private Money total() {
        return available.plus(held);
    }

    private static Optional<RejectionReason> firstOf(RejectionReason... checksInOrder) {
        for (RejectionReason reason : checksInOrder) {
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Bytes {@link #writeSnapshot} writes. */
    int snapshotBytes() {
        return Short.BYTES + clientId.getBytes(StandardCharsets.UTF_8).length + 2 * Long.BYTES + 1;
    }

    /**
     * The state of this account, for a snapshot ({@link ClientSnapshots}): its balances and lock, not
     * its deposits, which are stored apart ({@link StoredDeposits}).
     */
    void writeSnapshot(ByteBuffer out) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) id.length);
        out.put(id);
        out.putLong(available.units());
        out.putLong(held.units());
        out.put((byte) (locked ? 1 : 0));
    }

    /** The account as a snapshot written by {@link #writeSnapshot} left it. */
    static Client fromSnapshot(ByteBuffer in) {
        Client client = new Client();
        byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(id);
        client.clientId = new String(id, StandardCharsets.UTF_8);
        client.available = new Money(in.getLong());
        client.held = new Money(in.getLong());
        client.locked = in.get() != 0;
        client.deposits = DepositBook.restored();
        return client;
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        clientId = ClientTargetResolver.identifier(event.client());
    }

    @EventSourcingHandler
    void on(Deposited event) {
        available = available.plus(event.amount());
        deposits.record(event.tx(), event.amount());
    }

    @EventSourcingHandler
    void on(Withdrawn event) {
        available = available.minus(event.amount());
    }

    @EventSourcingHandler
    void on(Disputed event) {
        available = available.minus(event.amount());
        held = held.plus(event.amount());
        deposits.markDisputed(event.tx(), event.amount());
    }

    @EventSourcingHandler
    void on(Resolved event) {
        held = held.minus(event.amount());
        available = available.plus(event.amount());
        deposits.markUndisputed(event.tx(), event.amount());
    }

    @EventSourcingHandler
    void on(ChargedBack event) {
        held = held.minus(event.amount());
        locked = true;
        deposits.markChargedBack(event.tx(), event.amount());
    }
}

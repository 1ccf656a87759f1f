package io.payonator.ops.web;

import io.payonator.api.command.ClientCommand;
import io.payonator.api.RejectionReason;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.RowOrigin;
import io.payonator.api.command.TransactionOutcome;
import io.payonator.command.intake.StoredTransactionIdRegistry;
import io.payonator.command.intake.MalformedRowException;
import io.payonator.command.intake.TransactionIntake;
import io.payonator.ops.csv.CsvRow;
import io.payonator.command.ClientCache;
import io.payonator.ops.ledger.WriteConflicts;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import io.payonator.ops.ledger.TxReservations;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Transactions submitted to the service, through the importer's validation ({@link TransactionIntake})
 * and the same {@code Client} aggregate, one command per row. The rows of one request are decided
 * in order in one unit of work, so their events are stored together in one transaction: a request
 * is applied whole or not at all. Writes are serialised by {@link LedgerWrites}.
 *
 * <p>Tx ids are reserved against the ledger's stored reservations, looked up as rows name them, so
 * the service starts without reading the ledger's history; the reservations a request takes are
 * stored with its events, or dropped with them.
 */
@Component
class OnlineIntake {

    private static final Logger log = LoggerFactory.getLogger(OnlineIntake.class);

    /** A row after validation: a command for its client, or the fault that makes it malformed. */
    private sealed interface Admission permits Admitted, Refused {
    }

    private record Admitted(ClientCommand command) implements Admission {
    }

    private record Refused(RowOrigin origin, MalformedRowException fault) implements Admission {
    }

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final StoredTransactionIdRegistry registry;
    private final LedgerWrites writes;
    private final LedgerMetrics metrics;
    private final ProjectionLag lag;
    private final ClientCache clients;
    private final SourceNames sources = new SourceNames(Clock.systemUTC());
    /** Guarded by {@link #writes}, as is {@link #registry}. */
    private final TransactionIntake intake;

    /**
     * @param commandBus the local segment: a row is decided in this thread, in this unit of work;
     *                   in a cluster, the request was routed to this node, its client's owner, before
     */
    OnlineIntake(@Qualifier("localSegment") CommandBus commandBus, EventBus eventBus, TxReservations reservations,
                 LedgerWrites writes, LedgerMetrics metrics, ProjectionLag lag, ClientCache clients) {
        this.commandBus = commandBus;
        this.clients = clients;
        this.eventBus = eventBus;
        this.registry = new StoredTransactionIdRegistry(reservations::isReserved);
        this.writes = writes;
        this.metrics = metrics;
        this.lag = lag;
        this.intake = new TransactionIntake(registry);
    }

    /** A name for the rows of one request, as the rejects report shows their source; see {@link SourceNames}. */
    String newSource() {
        return sources.next();
    }

    /**
     * One transaction from a JSON body.
     *
     * @throws MalformedRowException if a field breaks the input rules: nothing is written then
     */
    RowResult submit(TransactionRequest request, String source) throws MalformedRowException {
        RowOrigin origin = new RowOrigin(source, 1);
        return deciding(() -> {
            ClientCommand command = intake.admit(required("type", request.type()), required("client", request.client()),
                    required("tx", request.tx()), request.amount(), origin);
            return store(List.of(new Admitted(command))).get(0);
        });
    }

    /**
     * Runs {@code work} alone, and once more if another writer's rows made its append fail (a tx
     * id reserved on another node meanwhile, or a client's events appended there while its owner
     * changed): nothing of the first try was stored, and the second decides against what is
     * stored now, from clients read again.
     */
    private <T, E extends Exception> T deciding(LedgerWrites.Work<T, E> work) throws E {
        try {
            return writes.exclusive(work);
        } catch (LedgerWriteFailedException e) {
            if (!WriteConflicts.isConflict(e)) {
                throw e;
            }
            log.info("another writer stored conflicting rows meanwhile; deciding the request again: {}", e.getMessage());
            clients.removeAll();
            return writes.exclusive(work);
        }
    }

    /** The rows of a CSV body, in order; a malformed row is answered and recorded as an import records it. */
    List<RowResult> submit(List<CsvRow> rows) {
        return deciding(() -> {
            List<Admission> admissions = new ArrayList<>(rows.size());
            for (CsvRow row : rows) {
                admissions.add(admit(row));
            }
            return store(admissions);
        });
    }

    private Admission admit(CsvRow row) {
        try {
            row.checkFieldCount();
            return new Admitted(intake.admit(row.type(), row.client(), row.tx(), row.amount(), row.origin()));
        } catch (MalformedRowException e) {
            return new Refused(row.origin(), e);
        }
    }

    /** Decides and stores the rows in one unit of work: the commit stores all their events, or none. */
    private List<RowResult> store(List<Admission> admissions) {
        List<RowResult> results = new ArrayList<>(admissions.size());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        // stored with the events, or rolled back with them: the ledger's table says which
        unitOfWork.onCleanup(done -> registry.settle());
        try {
            for (Admission admission : admissions) {
                results.add(apply(admission));
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw new LedgerWriteFailedException("the rows could not be stored, none was applied: " + e.getMessage(), e);
        }
        lag.eventsStored();
        results.forEach(metrics::count);
        return results;
    }

    private RowResult apply(Admission admission) {
        if (admission instanceof Refused refused) {
            eventBus.publish(GenericEventMessage.asEventMessage(new RowMalformed(refused.origin(),
                    refused.fault().reason(), refused.fault().getMessage())));
            return RowResult.malformed(refused.origin(), refused.fault());
        }
        ClientCommand command = ((Admitted) admission).command();
        TransactionOutcome outcome = dispatch(command);
        return outcome.accepted() ? RowResult.accepted(command) : RowResult.rejected(command, outcome.rejection());
    }

    /** The command bus runs the handler in this thread, nested in the current unit of work. */
    private TransactionOutcome dispatch(ClientCommand command) {
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), (message, result) -> answer.set(result));
        CommandResultMessage<?> result = answer.get();
        if (result == null) {
            throw new IllegalStateException("the command bus did not answer " + command + " in the calling thread");
        }
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw new IllegalStateException(command.origin() + ": could not be applied: " + cause.getMessage(), cause);
        }
        return (TransactionOutcome) result.getPayload();
    }

    private static String required(String field, String value) throws MalformedRowException {
        if (value == null) {
            throw new MalformedRowException(RejectionReason.MALFORMED, field + " is missing");
        }
        return value;
    }
}

package io.payonator.ops.web;

import io.payonator.api.command.ClientCommand;
import io.payonator.api.RejectionReason;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.RowOrigin;
import io.payonator.api.command.TransactionOutcome;
import io.payonator.command.intake.Reservations;
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
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Transactions submitted to the service, through the importer's validation ({@link TransactionIntake})
 * and the same {@code Client} aggregate, one command per row. The rows of one request are decided
 * in order and stored in one transaction: a request is applied whole or not at all.
 *
 * <p>Requests are written in groups ({@link WriteGroups}): the writer thread takes every request
 * waiting, decides them in arrival order in one unit of work, as if they had come one after
 * another, and stores them in one transaction; each is answered after that commit. If the group
 * cannot be stored, none of it is, and each of its requests is decided and stored again alone, so a
 * request that cannot be stored fails no other. Writes are serialised by {@link LedgerWrites}.
 *
 * <p>Tx ids are reserved against the ledger's stored reservations, so the service starts without
 * reading the ledger's history: the ids a group's rows name are looked up in one query before its
 * rows are decided. The reservations a group takes are stored with its events, or dropped with them.
 */
@Component
class OnlineIntake {

    private static final Logger log = LoggerFactory.getLogger(OnlineIntake.class);
    /**
     * Rows of a group, unless one request has more. Enough for every connection's request to join
     * one group; a large CSV body is written in a group of its own.
     */
    static final int MAX_GROUP_ROWS = 1_024;

    /** A row after validation: a command for its client, or the fault that makes it malformed. */
    private sealed interface Admission permits Admitted, Refused {
    }

    private record Admitted(ClientCommand command) implements Admission {
    }

    private record Refused(RowOrigin origin, MalformedRowException fault) implements Admission {
    }

    /** Validates a request's rows and reserves their tx ids, in the writer thread, in arrival order. */
    @FunctionalInterface
    private interface Admitter {
        /** @throws MalformedRowException if the request as a whole is refused: it reserved nothing then */
        List<Admission> admit() throws MalformedRowException;
    }

    /** What a request is answered: its rows' results, or why it was refused before any row was decided. */
    private record Answer(List<RowResult> rows, MalformedRowException refused) {
    }

    /** One request in the queue: its rows are decided together, and it waits for its answer. */
    private static final class Block implements WriteGroups.Request {

        private final int rows;
        /** The tx ids its rows would reserve, looked up with the rest of its group's before they are admitted. */
        private final List<Long> reservableTxs;
        private final Admitter admitter;
        private final CompletableFuture<Answer> answer = new CompletableFuture<>();

        Block(int rows, List<Long> reservableTxs, Admitter admitter) {
            this.rows = rows;
            this.reservableTxs = reservableTxs;
            this.admitter = admitter;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public void refuse(RuntimeException why) {
            answer.completeExceptionally(why);
        }
    }

    /** A request decided in a unit of work that has not committed yet: answered after the commit. */
    private record Decided(Block block, Answer answer) {
    }

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final StoredTransactionIdRegistry registry;
    private final LedgerWrites writes;
    private final LedgerMetrics metrics;
    private final ProjectionLag lag;
    private final ClientCache clients;
    private final SourceNames sources = new SourceNames(Clock.systemUTC());
    /** Used by the writer thread only, as is {@link #registry}. */
    private final TransactionIntake intake;
    private final WriteGroups<Block> groups;

    /**
     * @param commandBus the local segment: a row is decided in the writer thread, in its unit of work;
     *                   in a cluster, the request was routed to this node, its client's owner, before
     */
    OnlineIntake(@Qualifier("localSegment") CommandBus commandBus, EventBus eventBus, TxReservations reservations,
                 LedgerWrites writes, LedgerMetrics metrics, ProjectionLag lag, ClientCache clients) {
        this.commandBus = commandBus;
        this.clients = clients;
        this.eventBus = eventBus;
        this.registry = new StoredTransactionIdRegistry(reservations::reservedAmong);
        this.writes = writes;
        this.metrics = metrics;
        this.lag = lag;
        this.intake = new TransactionIntake(registry);
        this.groups = new WriteGroups<>(writes, MAX_GROUP_ROWS, this::write);
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
        Answer answer = await(new Block(1, reservableTxs(request.type(), request.tx()),
                () -> List.of(new Admitted(intake.admit(required("type", request.type()),
                        required("client", request.client()), required("tx", request.tx()), request.amount(), origin)))));
        if (answer.refused() != null) {
            throw answer.refused();
        }
        return answer.rows().get(0);
    }

    /** The rows of a CSV body, in order; a malformed row is answered and recorded as an import records it. */
    List<RowResult> submit(List<CsvRow> rows) {
        return await(new Block(rows.size(), reservableTxsOfRows(rows), () -> {
            List<Admission> admissions = new ArrayList<>(rows.size());
            for (CsvRow row : rows) {
                admissions.add(admit(row));
            }
            return admissions;
        })).rows();
    }

    private static List<Long> reservableTxs(String type, String tx) {
        long reservable = TransactionIntake.reservableTx(type, tx);
        return reservable == Reservations.NONE ? List.of() : List.of(reservable);
    }

    private static List<Long> reservableTxsOfRows(List<CsvRow> rows) {
        List<Long> txs = new ArrayList<>(rows.size());
        for (CsvRow row : rows) {
            if (row.fault() == null && row.fields().length >= 3) {
                txs.addAll(reservableTxs(row.type(), row.tx()));
            }
        }
        return txs;
    }

    /** Queues the request and waits until the writer has stored it, or failed to. */
    private Answer await(Block block) {
        groups.submit(block);
        try {
            return block.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerWriteFailedException("interrupted while the request waited for the writer; its rows may"
                    + " or may not be stored", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The writer's failure as it was thrown there, so that it is answered as if thrown here. */
    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    /** Requests submitted whose group has not had its turn at {@link LedgerWrites} yet. */
    int waiting() {
        return groups.waiting();
    }

    /** Stops taking requests once the group in progress is written. */
    @PreDestroy
    void close() throws InterruptedException {
        groups.close();
    }

    /** The writer thread's work, during its turn at {@link LedgerWrites}: one group, in arrival order. */
    private void write(List<Block> group) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        try {
            answer(store(group));
        } catch (LedgerWriteFailedException e) {
            // nothing of the group was stored: each request again, against what is stored now
            log.info("a group of {} requests could not be stored; storing each alone: {}", group.size(), e.getMessage());
            if (WriteConflicts.isConflict(e)) {
                clients.removeAll();
            }
            group.forEach(this::writeAlone);
        }
    }

    private void writeAlone(Block block) {
        try {
            answer(deciding(() -> store(List.of(block))));
        } catch (RuntimeException e) {
            block.refuse(e);
        }
    }

    /**
     * Runs {@code work}, and once more if another writer's rows made its append fail (a tx id
     * reserved on another node meanwhile, or a client's events appended there while its owner
     * changed): nothing of the first try was stored, and the second decides against what is
     * stored now, from clients read again.
     */
    private <T> T deciding(Supplier<T> work) {
        try {
            return work.get();
        } catch (LedgerWriteFailedException e) {
            if (!WriteConflicts.isConflict(e)) {
                throw e;
            }
            log.info("another writer stored conflicting rows meanwhile; deciding the request again: {}", e.getMessage());
            clients.removeAll();
            return work.get();
        }
    }

    private Admission admit(CsvRow row) {
        try {
            row.checkFieldCount();
            return new Admitted(intake.admit(row.type(), row.client(), row.tx(), row.amount(), row.origin()));
        } catch (MalformedRowException e) {
            return new Refused(row.origin(), e);
        }
    }

    /**
     * Decides the requests' rows in one unit of work, in order: the commit stores all their events,
     * or none. The answers are given only after it.
     */
    private List<Decided> store(List<Block> blocks) {
        List<Decided> decided = new ArrayList<>(blocks.size());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        // stored with the events, or rolled back with them: the ledger's table says which
        unitOfWork.onCleanup(done -> registry.settle());
        try {
            // one query for the group's tx ids, not one per row
            registry.lookUp(txsOfGroup(blocks));
            for (Block block : blocks) {
                decided.add(new Decided(block, decide(block)));
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw new LedgerWriteFailedException("the rows could not be stored, none was applied: " + e.getMessage(), e);
        }
        lag.eventsStored();
        return decided;
    }

    private static List<Long> txsOfGroup(List<Block> blocks) {
        List<Long> txs = new ArrayList<>();
        for (Block block : blocks) {
            txs.addAll(block.reservableTxs);
        }
        return txs;
    }

    private Answer decide(Block block) {
        List<Admission> admissions;
        try {
            admissions = block.admitter.admit();
        } catch (MalformedRowException e) {
            return new Answer(List.of(), e);
        }
        List<RowResult> results = new ArrayList<>(admissions.size());
        for (Admission admission : admissions) {
            results.add(apply(admission));
        }
        return new Answer(results, null);
    }

    private void answer(List<Decided> decided) {
        for (Decided request : decided) {
            request.answer().rows().forEach(metrics::count);
            request.block().answer.complete(request.answer());
        }
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

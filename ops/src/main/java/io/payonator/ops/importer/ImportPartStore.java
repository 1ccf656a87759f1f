package io.payonator.ops.importer;

import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ImportPart;
import io.payonator.command.ClientCache;
import io.payonator.ops.ledger.ChunkTransaction;
import io.payonator.ops.ledger.ImportTransactions;
import io.payonator.ops.ledger.WriteConflicts;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The owner's side of an import through a cluster: decides an {@link ImportPart} with the
 * {@code Client} aggregate, as a plain import's worker does, and stores its events, their tx-id
 * reservations and the part's client marks in one transaction: the part is stored whole or not at
 * all. The rows of a client that the ledger's marks already cover are left out first, in the same
 * transaction, so a part sent again (its answer was lost in a membership change, or the import
 * resumed) never applies a row twice; a part stored by another node meanwhile fails on the
 * event store's key or on the marks, and is decided again.
 *
 * <p>Not safe for concurrent use: the caller runs it with the node's other writes, one at a time.
 */
@Component
public class ImportPartStore {

    private static final Logger log = LoggerFactory.getLogger(ImportPartStore.class);

    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final ImportTransactions transactions;
    private final ClientCache clients;

    /** @param commandBus the local segment: the part was routed here, to its clients' owner */
    ImportPartStore(@Qualifier("localSegment") CommandBus commandBus, EventBus eventBus,
                    ImportTransactions transactions, ClientCache clients) {
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.clients = clients;
    }

    /** Stores the part's rows not stored yet, once more after a conflict with another writer. */
    public ImportPart.Outcome store(ImportPart part) throws InterruptedException {
        try {
            storeOnce(part);
        } catch (SQLException | RuntimeException e) {
            if (!WriteConflicts.isConflict(e) && !(e instanceof StoredMeanwhileException)) {
                throw failed(part, e);
            }
            log.info("another writer stored rows of the import's clients meanwhile; deciding the part again: {}",
                    e.getMessage());
            clients.removeAll();
            try {
                storeOnce(part);
            } catch (SQLException | RuntimeException again) {
                throw failed(part, again);
            }
        }
        return ImportPart.Outcome.STORED;
    }

    private void storeOnce(ImportPart part) throws SQLException, InterruptedException {
        ChunkTransaction chunk = transactions.nextAlone();
        try {
            ImportPart unstored = chunk.write(connection -> unstored(connection, part));
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            chunk.runBound(() -> apply(unstored, failure));
            if (failure.get() != null) {
                throw failure.get();
            }
            chunk.commit(connection -> writeMarks(connection, unstored.marks()));
        } catch (SQLException | RuntimeException | InterruptedException e) {
            rollback(chunk, e);
            // the aggregates in memory may hold events of rows that were rolled back
            clients.removeAll();
            throw e;
        }
    }

    /** The part without the rows the ledger's marks say are stored already. */
    private static ImportPart unstored(Connection connection, ImportPart part) throws SQLException {
        Map<String, Map<Integer, Long>> stored = new HashMap<>();
        Map<String, String> contents = new HashMap<>();
        for (ImportPart.ClientMark mark : part.marks()) {
            contents.put(mark.source(), mark.contentId());
            if (!stored.containsKey(mark.source())) {
                stored.put(mark.source(), ImportProgress.clientMarks(connection, mark.contentId()));
            }
        }
        List<ImportPart.Row> rows = part.rows().stream()
                .filter(row -> isNew(stored, row.origin().source(), row.client(), row.origin().line())).toList();
        List<ImportPart.Malformed> malformed = part.malformed().stream()
                .filter(row -> isNew(stored, row.row().origin().source(), row.client(), row.row().origin().line()))
                .toList();
        List<ImportPart.ClientMark> marks = part.marks().stream()
                .filter(mark -> isNew(stored, mark.source(), mark.client(), mark.linesDone())).toList();
        return new ImportPart(part.client(), rows, malformed, marks);
    }

    private static boolean isNew(Map<String, Map<Integer, Long>> stored, String source, int client, long line) {
        return line > stored.getOrDefault(source, Map.of()).getOrDefault(client, 0L);
    }

    /** One unit of work: every command of the part nests in it, and its commit appends all their events. */
    private void apply(ImportPart part, AtomicReference<RuntimeException> failure) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (ApplyTransactions batch : part.batches()) {
                dispatch(batch);
            }
            part.malformed().forEach(row -> eventBus.publish(GenericEventMessage.asEventMessage(row.row())));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            failure.set(e);
        }
    }

    /** The command bus runs the handler in this thread, nested in the current unit of work. */
    private void dispatch(ApplyTransactions batch) {
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(batch), (message, result) -> answer.set(result));
        CommandResultMessage<?> result = answer.get();
        if (result == null) {
            throw new IllegalStateException("the command bus did not answer client " + batch.client()
                    + " in the calling thread");
        }
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw new IllegalStateException("client " + batch.client() + ", rows from " + batch.rows().get(0).origin()
                    + ": could not be applied: " + cause.getMessage(), cause);
        }
    }

    /** Every mark must move forward: one that does not was written by another node storing these rows meanwhile. */
    private static Void writeMarks(Connection connection, List<ImportPart.ClientMark> marks) throws SQLException {
        if (ImportProgress.writeClientMarks(connection, marks) < marks.size()) {
            throw new StoredMeanwhileException();
        }
        return null;
    }

    private static void rollback(ChunkTransaction chunk, Exception failure) {
        try {
            chunk.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private ImportFailedException failed(ImportPart part, Exception cause) {
        String first = part.rows().isEmpty() ? "client " + part.client() : part.rows().get(0).origin().toString();
        return new ImportFailedException("the rows of the part from " + first + " could not be stored: "
                + transactions.describe(cause), cause);
    }

    /** Another node stored rows of this part after they were read as not stored. */
    private static final class StoredMeanwhileException extends IllegalStateException {
        StoredMeanwhileException() {
            super("another node stored these rows meanwhile");
        }
    }
}

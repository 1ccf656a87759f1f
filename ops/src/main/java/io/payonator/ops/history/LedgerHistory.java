package io.payonator.ops.history;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;
import io.payonator.api.event.AccountOpened;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.event.Deposited;
import io.payonator.api.event.Disputed;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.event.Withdrawn;
import io.payonator.api.query.AccountAsOf;
import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.ClientRow;
import io.payonator.api.query.ClientRows;
import io.payonator.api.query.FindAccountAsOf;
import io.payonator.api.query.FindClientRows;
import io.payonator.api.query.LedgerAsOf;
import io.payonator.api.query.Paging;
import io.payonator.api.query.Point;
import io.payonator.command.ClientTargetResolver;
import io.payonator.query.LedgerFold;
import io.payonator.query.ProjectionReads;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers the questions about the past from the events themselves: a client's rows with the balance
 * after each, an account or the whole ledger as of a point. Each answer reads one consistent view
 * of the event store ({@link ProjectionReads}), so its head and its events agree.
 */
@Component
public class LedgerHistory {

    private final ProjectionReads reads;
    private final StoredEvents events;

    LedgerHistory(ProjectionReads reads, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.reads = reads;
        this.events = new StoredEvents(eventSerializer);
    }

    /**
     * The client's rows, a page of them, or nothing when it has no account. Every row is folded (a
     * balance depends on all before it) but only the page's are kept: a client may have millions.
     */
    @QueryHandler
    public Optional<ClientRows> handle(FindClientRows query) {
        long from = Paging.offset(query.page(), query.size());
        PageOfRows page = new PageOfRows(from, from + query.size());
        reads.read(jdbc -> {
            clientRows(jdbc, query.client(), page);
            return null;
        });
        return page.total == 0 ? Optional.empty()
                : Optional.of(new ClientRows(query.client(), query.page(), query.size(), page.total, page.rows));
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a walk, and how many there were. */
    private static final class PageOfRows {
        final long from;
        final long to;
        final List<ClientRow> rows = new ArrayList<>();
        long total;

        PageOfRows(long from, long to) {
            this.from = from;
            this.to = to;
        }

        void add(Supplier<ClientRow> row) {
            if (total >= from && total < to) {
                rows.add(row.get());
            }
            total++;
        }
    }

    /** The account as of the point, or nothing when it was not open then. */
    @QueryHandler
    public Optional<AccountAsOf> handle(FindAccountAsOf query) {
        return reads.read(jdbc -> {
            long asOf = position(jdbc, query.point());
            LedgerFold fold = new LedgerFold();
            events.ofAggregate(jdbc, ClientTargetResolver.identifier(query.client()), asOf,
                    event -> fold.apply(event.payload()));
            return fold.account(query.client()).map(balance -> new AccountAsOf(balance, asOf));
        });
    }

    /** Every account as of the point, rebuilt from all the events up to it. */
    public LedgerAsOf ledgerAsOf(Point point) {
        return reads.read(jdbc -> {
            long asOf = position(jdbc, point);
            LedgerFold fold = new LedgerFold();
            events.upTo(jdbc, asOf, event -> fold.apply(event.payload()));
            return new LedgerAsOf(asOf, fold.accounts());
        });
    }

    /** The last position written so far: a point that keeps its meaning from now on. */
    public long head() {
        return reads.read(StoredEvents::head);
    }

    /**
     * The position a point stands for: never beyond the head, where events may still be written,
     * so the position answered keeps its meaning.
     */
    private static long position(JdbcOperations jdbc, Point point) {
        long head = StoredEvents.head(jdbc);
        return point.position() != null ? Math.min(point.position(), head)
                : StoredEvents.lastRecordedBy(jdbc, point.time());
    }

    private void clientRows(JdbcOperations jdbc, int client, PageOfRows page) {
        LedgerFold fold = new LedgerFold();
        events.ofAggregate(jdbc, ClientTargetResolver.identifier(client), Long.MAX_VALUE, event -> {
            fold.apply(event.payload());
            if (!(event.payload() instanceof AccountOpened)) {
                page.add(() -> row(event, fold.account(client).orElseThrow()));
            }
        });
    }

    /** The row an outcome event records. */
    private static ClientRow row(StoredEvents.StoredEvent stored, AccountBalance after) {
        Object payload = stored.payload();
        if (payload instanceof TransactionRejected e) {
            return new ClientRow(stored.position(), stored.recorded(), e.origin().source(), e.origin().line(),
                    e.type(), e.tx(), e.amount(), e.reason(), after);
        } else if (payload instanceof Deposited e) {
            return accepted(stored, TransactionType.DEPOSIT, e.tx(), e.amount(), e.origin(), after);
        } else if (payload instanceof Withdrawn e) {
            return accepted(stored, TransactionType.WITHDRAWAL, e.tx(), e.amount(), e.origin(), after);
        } else if (payload instanceof Disputed e) {
            return accepted(stored, TransactionType.DISPUTE, e.tx(), e.amount(), e.origin(), after);
        } else if (payload instanceof Resolved e) {
            return accepted(stored, TransactionType.RESOLVE, e.tx(), e.amount(), e.origin(), after);
        } else if (payload instanceof ChargedBack e) {
            return accepted(stored, TransactionType.CHARGEBACK, e.tx(), e.amount(), e.origin(), after);
        }
        throw new IllegalStateException("not a row's outcome: " + payload.getClass().getName());
    }

    /** An accepted row; events stored before they named their row have no origin. */
    private static ClientRow accepted(StoredEvents.StoredEvent stored, TransactionType type, long tx, Money amount,
                                      RowOrigin origin, AccountBalance after) {
        return new ClientRow(stored.position(), stored.recorded(), origin == null ? null : origin.source(),
                origin == null ? null : origin.line(), type, tx, amount, null, after);
    }
}

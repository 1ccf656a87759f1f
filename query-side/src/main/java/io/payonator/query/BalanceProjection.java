package io.payonator.query;

import io.payonator.api.AccountBalance;
import io.payonator.api.AccountOpened;
import io.payonator.api.ChargedBack;
import io.payonator.api.Deposited;
import io.payonator.api.Disputed;
import io.payonator.api.FindAccount;
import io.payonator.api.FindAllAccounts;
import io.payonator.api.FindRejectedRows;
import io.payonator.api.RejectedRow;
import io.payonator.api.Resolved;
import io.payonator.api.RowMalformed;
import io.payonator.api.TransactionRejected;
import io.payonator.api.Withdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Builds the balance and rejects tables from the event stream, and answers the queries on them.
 * Events are gathered per batch of the processor ({@link BalanceChanges}) and written once per
 * batch, in the batch's transaction.
 * Replay: the processor's tokens are reset, {@link #reset()} empties the tables, and every event
 * is applied again from the start of the event store.
 */
@Component
@ProcessingGroup(BalanceProjection.PROCESSING_GROUP)
public class BalanceProjection {

    public static final String PROCESSING_GROUP = "balances";
    private static final String CHANGES = BalanceProjection.class.getName() + ".changes";

    private final AccountBalanceRepository balances;
    private final RejectedRowRepository rejections;

    BalanceProjection(AccountBalanceRepository balances, RejectedRowRepository rejections) {
        this.balances = balances;
        this.rejections = rejections;
    }

    @EventHandler
    void on(AccountOpened event) {
        changes().open(event.client());
    }

    @EventHandler
    void on(Deposited event) {
        changes().of(event.client()).credit(event.amount());
    }

    @EventHandler
    void on(Withdrawn event) {
        changes().of(event.client()).debit(event.amount());
    }

    @EventHandler
    void on(Disputed event) {
        changes().of(event.client()).hold(event.amount());
    }

    @EventHandler
    void on(Resolved event) {
        changes().of(event.client()).release(event.amount());
    }

    @EventHandler
    void on(ChargedBack event) {
        changes().of(event.client()).reverseAndLock(event.amount());
    }

    @EventHandler
    void on(TransactionRejected event, TrackingToken position) {
        changes().reject(new RejectedRowEntry(positionOf(position), event.origin().source(), event.origin().line(),
                event.reason(), null));
    }

    @EventHandler
    void on(RowMalformed event, TrackingToken position) {
        changes().reject(new RejectedRowEntry(positionOf(position), event.origin().source(), event.origin().line(),
                event.reason(), event.detail()));
    }

    @ResetHandler
    void reset() {
        balances.deleteAllInBatch();
        rejections.deleteAllInBatch();
    }

    @QueryHandler
    List<AccountBalance> handle(FindAllAccounts query) {
        return balances.findAllByOrderByClientAsc().stream().map(AccountBalanceRow::toBalance).toList();
    }

    @QueryHandler
    Optional<AccountBalance> handle(FindAccount query) {
        return balances.findById(query.client()).map(AccountBalanceRow::toBalance);
    }

    @QueryHandler
    List<RejectedRow> handle(FindRejectedRows query) {
        RejectedRow after = query.after();
        List<RejectedRowEntry> page = after == null ? rejections.firstPage(query.limit())
                : rejections.pageAfter(after.source(), after.line(), after.eventPosition(), query.limit());
        return page.stream().map(RejectedRowEntry::toRejectedRow).toList();
    }

    /**
     * The changes of the batch being processed; written to the tables just before the batch's
     * transaction commits, together with the processor's token.
     */
    private BalanceChanges changes() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(CHANGES, key -> {
            BalanceChanges changes = new BalanceChanges();
            batch.onPrepareCommit(unitOfWork -> changes.writeTo(balances, rejections));
            return changes;
        });
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a position: " + token));
    }
}

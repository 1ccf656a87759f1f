package io.payonator.query;

import io.payonator.api.query.AccountBalance;
import io.payonator.api.event.AccountOpened;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.query.CountRejectedRows;
import io.payonator.api.event.Deposited;
import io.payonator.api.DisputeState;
import io.payonator.api.event.Disputed;
import io.payonator.api.query.FindAllAccounts;
import io.payonator.api.query.FindRejectedRows;
import io.payonator.api.query.RejectedRow;
import io.payonator.api.query.RejectionCounts;
import io.payonator.api.RejectionReason;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.TransactionType;
import io.payonator.api.event.Withdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the balance, rejects and transaction tables from the event stream, and answers the
 * command line's queries on them ({@link LedgerReadModel} answers the service's). Events are
 * gathered per batch of the processor ({@link BalanceChanges}) and written once per batch, in the
 * batch's transaction.
 * Replay: the processor's tokens are reset, {@link #reset()} empties the tables, and every event
 * is applied again from the start of the event store.
 */
@Component
@ProcessingGroup(BalanceProjection.PROCESSING_GROUP)
public class BalanceProjection {

    public static final String PROCESSING_GROUP = "balances";
    /** Whether the projection keeps the transaction table ({@code ledger_transaction}). */
    public static final String TRANSACTION_HISTORY = "payonator.projection.transaction-history";
    private static final String CHANGES = BalanceProjection.class.getName() + ".changes";

    private final AccountBalanceRepository balances;
    private final BalanceTable balanceTable;
    private final RejectedRowRepository rejections;
    private final RejectedRowTable rejectionTable;
    private final TransactionTable transactions;
    /**
     * Whether the transaction table is kept: not in a temporary ledger, whose output reads only the
     * balances and the rejects, and which is deleted when the import ends.
     */
    private final boolean history;

    BalanceProjection(AccountBalanceRepository balances, RejectedRowRepository rejections, JdbcTemplate jdbc,
                      @Value("${" + TRANSACTION_HISTORY + ":true}") boolean history) {
        this.history = history;
        this.balances = balances;
        this.rejections = rejections;
        this.balanceTable = new BalanceTable(jdbc);
        this.rejectionTable = new RejectedRowTable(jdbc);
        this.transactions = new TransactionTable(jdbc);
    }

    @EventHandler
    void on(AccountOpened event) {
        EventEffects.apply(event, changes()::of);
    }

    @EventHandler
    void on(Deposited event, TrackingToken position) {
        BalanceChanges changes = changes();
        EventEffects.apply(event, changes::of);
        changes.accept(TransactionType.DEPOSIT, event.client(), event.tx(), event.amount(), positionOf(position));
    }

    @EventHandler
    void on(Withdrawn event, TrackingToken position) {
        BalanceChanges changes = changes();
        EventEffects.apply(event, changes::of);
        changes.accept(TransactionType.WITHDRAWAL, event.client(), event.tx(), event.amount(), positionOf(position));
    }

    @EventHandler
    void on(Disputed event) {
        BalanceChanges changes = changes();
        EventEffects.apply(event, changes::of);
        changes.mark(event.tx(), DisputeState.DISPUTED);
    }

    @EventHandler
    void on(Resolved event) {
        BalanceChanges changes = changes();
        EventEffects.apply(event, changes::of);
        changes.mark(event.tx(), DisputeState.RESOLVED);
    }

    @EventHandler
    void on(ChargedBack event) {
        BalanceChanges changes = changes();
        EventEffects.apply(event, changes::of);
        changes.mark(event.tx(), DisputeState.CHARGED_BACK);
    }

    @EventHandler
    void on(TransactionRejected event, TrackingToken position) {
        changes().reject(RejectedRowTable.NewRejection.rejected(positionOf(position), event));
    }

    @EventHandler
    void on(RowMalformed event, TrackingToken position) {
        changes().reject(RejectedRowTable.NewRejection.malformed(positionOf(position), event));
    }

    @ResetHandler
    void reset() {
        balanceTable.deleteAll();
        rejectionTable.deleteAll();
        transactions.deleteAll();
    }

    @QueryHandler
    List<AccountBalance> handle(FindAllAccounts query) {
        return balances.findAllByOrderByClientAsc().stream().map(AccountBalanceRow::toBalance).toList();
    }

    @QueryHandler
    List<RejectedRow> handle(FindRejectedRows query) {
        List<RejectedRowEntry> page = query.wholeLedger() ? pageOfLedger(query) : pageAfterEvent(query);
        return page.stream().map(RejectedRowEntry::toRejectedRow).toList();
    }

    private List<RejectedRowEntry> pageOfLedger(FindRejectedRows query) {
        RejectedRow after = query.after();
        return after == null ? rejections.firstPage(query.limit())
                : rejections.pageAfter(after.source(), after.line(), after.eventPosition(), query.limit());
    }

    private List<RejectedRowEntry> pageAfterEvent(FindRejectedRows query) {
        RejectedRow after = query.after();
        return after == null ? rejections.firstPageAfterEvent(query.afterEvent(), query.limit())
                : rejections.pageAfterEvent(query.afterEvent(), after.source(), after.line(), after.eventPosition(),
                query.limit());
    }

    @QueryHandler
    RejectionCounts handle(CountRejectedRows query) {
        Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
        for (Object[] row : rejections.countByReasonAfterEvent(query.afterEvent())) {
            counts.put(RejectionReason.fromCode((String) row[0]), ((Number) row[1]).longValue());
        }
        return new RejectionCounts(counts);
    }

    /**
     * The changes of the batch being processed; written to the tables just before the batch's
     * transaction commits, together with the processor's token.
     */
    private BalanceChanges changes() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(CHANGES, key -> {
            BalanceChanges changes = new BalanceChanges(history);
            batch.onPrepareCommit(unitOfWork -> changes.writeTo(balanceTable, rejectionTable, transactions));
            return changes;
        });
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a position: " + token));
    }
}

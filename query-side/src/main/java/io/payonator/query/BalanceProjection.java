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
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the balance and rejects tables from the event stream, and answers the queries on them.
 * Replay: the processor's tokens are reset, {@link #reset()} empties the tables, and every event
 * is applied again from the start of the event store.
 */
@Component
@ProcessingGroup(BalanceProjection.PROCESSING_GROUP)
public class BalanceProjection {

    public static final String PROCESSING_GROUP = "balances";

    private final AccountBalanceRepository balances;
    private final RejectedRowRepository rejections;

    BalanceProjection(AccountBalanceRepository balances, RejectedRowRepository rejections) {
        this.balances = balances;
        this.rejections = rejections;
    }

    @EventHandler
    void on(AccountOpened event) {
        balances.save(new AccountBalanceRow(event.client()));
    }

    @EventHandler
    void on(Deposited event) {
        update(event.client(), row -> row.credit(event.amount()));
    }

    @EventHandler
    void on(Withdrawn event) {
        update(event.client(), row -> row.debit(event.amount()));
    }

    @EventHandler
    void on(Disputed event) {
        update(event.client(), row -> row.hold(event.amount()));
    }

    @EventHandler
    void on(Resolved event) {
        update(event.client(), row -> row.release(event.amount()));
    }

    @EventHandler
    void on(ChargedBack event) {
        update(event.client(), row -> row.reverseAndLock(event.amount()));
    }

    @EventHandler
    void on(TransactionRejected event) {
        rejections.save(new RejectedRowEntry(event.origin().source(), event.origin().line(), event.reason(), null));
    }

    @EventHandler
    void on(RowMalformed event) {
        rejections.save(new RejectedRowEntry(event.origin().source(), event.origin().line(), event.reason(),
                event.detail()));
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
        return rejections.findAllByOrderBySourceAscLineAsc().stream().map(RejectedRowEntry::toRejectedRow).toList();
    }

    private void update(int client, Consumer<AccountBalanceRow> change) {
        AccountBalanceRow row = balances.findById(client).orElseThrow(
                () -> new IllegalStateException("event for client " + client + " before its AccountOpened"));
        change.accept(row);
    }
}

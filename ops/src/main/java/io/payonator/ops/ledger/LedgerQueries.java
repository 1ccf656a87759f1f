package io.payonator.ops.ledger;

import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.CountRejectedRows;
import io.payonator.api.query.FindAllAccounts;
import io.payonator.api.query.FindRejectedRows;
import io.payonator.api.query.RejectedRow;
import io.payonator.api.query.RejectionCounts;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/** The reports the command line prints, read from the projection through Axon's query bus. */
@Component
public class LedgerQueries {

    private final QueryGateway queries;
    /** Rows per page of the rejects report: the report itself may not fit in memory. */
    private final int rejectsPage;

    LedgerQueries(QueryGateway queries, @Value("${payonator.reports.page-rows:10000}") int rejectsPage) {
        this.queries = queries;
        this.rejectsPage = rejectsPage;
    }

    /** At most 65,536 accounts (one per client id): small enough to hold. */
    public List<AccountBalance> accounts() {
        return queries.query(new FindAllAccounts(), ResponseTypes.multipleInstancesOf(AccountBalance.class)).join();
    }

    /** What to do with each row of the rejects report. */
    @FunctionalInterface
    public interface RejectedRowAction {
        void accept(RejectedRow row) throws IOException;
    }

    /** Walks the rejects report in order, a page at a time. */
    public void forEachRejectedRow(RejectedRowAction action) throws IOException {
        forEachRejectedRow(FindRejectedRows.WHOLE_LEDGER, action);
    }

    /** Walks the rows of the rejects report reported after event {@code afterEvent}, in report order. */
    public void forEachRejectedRow(long afterEvent, RejectedRowAction action) throws IOException {
        FindRejectedRows query = new FindRejectedRows(null, rejectsPage, afterEvent);
        List<RejectedRow> page;
        do {
            page = rejectedRows(query);
            for (RejectedRow row : page) {
                action.accept(row);
            }
            if (!page.isEmpty()) {
                query = new FindRejectedRows(page.get(page.size() - 1), rejectsPage, afterEvent);
            }
        } while (page.size() == rejectsPage);
    }

    /** The first {@code limit} rows of the rejects report reported after event {@code afterEvent}. */
    public List<RejectedRow> firstRejectedRows(long afterEvent, int limit) {
        return rejectedRows(new FindRejectedRows(null, limit, afterEvent));
    }

    /** The rows of the rejects report reported after event {@code afterEvent}, counted by reason. */
    public RejectionCounts rejectionCounts(long afterEvent) {
        return queries.query(new CountRejectedRows(afterEvent), ResponseTypes.instanceOf(RejectionCounts.class)).join();
    }

    private List<RejectedRow> rejectedRows(FindRejectedRows query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(RejectedRow.class)).join();
    }
}

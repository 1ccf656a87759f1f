package io.payonator.ops.ledger;

import io.payonator.api.AccountBalance;
import io.payonator.api.FindAllAccounts;
import io.payonator.api.FindRejectedRows;
import io.payonator.api.RejectedRow;
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
        FindRejectedRows query = FindRejectedRows.firstPage(rejectsPage);
        List<RejectedRow> page;
        do {
            page = queries.query(query, ResponseTypes.multipleInstancesOf(RejectedRow.class)).join();
            for (RejectedRow row : page) {
                action.accept(row);
            }
            if (!page.isEmpty()) {
                query = new FindRejectedRows(page.get(page.size() - 1), rejectsPage);
            }
        } while (page.size() == rejectsPage);
    }
}

package io.payonator.ops.ledger;

import io.payonator.api.AccountBalance;
import io.payonator.api.FindAllAccounts;
import io.payonator.api.FindRejectedRows;
import io.payonator.api.RejectedRow;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** The reports the command line prints, read from the projection through Axon's query bus. */
@Component
public class LedgerQueries {

    private final QueryGateway queries;

    LedgerQueries(QueryGateway queries) {
        this.queries = queries;
    }

    public List<AccountBalance> accounts() {
        return queries.query(new FindAllAccounts(), ResponseTypes.multipleInstancesOf(AccountBalance.class)).join();
    }

    public List<RejectedRow> rejectedRows() {
        return queries.query(new FindRejectedRows(), ResponseTypes.multipleInstancesOf(RejectedRow.class)).join();
    }
}

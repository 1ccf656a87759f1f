package io.payonator.ops.web;

import io.payonator.api.query.ClientHistory;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of a client's transactions and of its rejected rows. */
@Schema(description = "A client's accepted deposits and withdrawals and its rejected rows, each in ledger order;"
        + " page/size apply to both lists")
record ClientHistoryJson(int client, int page, int size,
                         long totalTransactions, List<TransactionJson> transactions,
                         long totalRejected, List<RejectedRowJson> rejected) {

    static ClientHistoryJson of(ClientHistory history) {
        return new ClientHistoryJson(history.client(), history.page(), history.size(),
                history.totalTransactions(), history.transactions().stream().map(TransactionJson::of).toList(),
                history.totalRejected(), history.rejected().stream().map(RejectedRowJson::of).toList());
    }
}

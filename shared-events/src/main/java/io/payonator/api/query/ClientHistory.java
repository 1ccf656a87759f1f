package io.payonator.api.query;

import java.util.List;

/** A page of one client's transactions and of its rejected rows, with the totals of each. */
public record ClientHistory(int client, int page, int size,
                            long totalTransactions, List<TransactionView> transactions,
                            long totalRejected, List<RejectedTransaction> rejected) {

    public ClientHistory {
        transactions = List.copyOf(transactions);
        rejected = List.copyOf(rejected);
    }
}

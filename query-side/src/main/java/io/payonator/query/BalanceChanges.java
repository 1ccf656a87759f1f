package io.payonator.query;

import io.payonator.api.DisputeState;
import io.payonator.api.Money;
import io.payonator.api.TransactionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch of events does to the query tables, gathered in memory and written once at the
 * end of the batch: each touched account row is read and written once per batch, however many of
 * its events the batch holds.
 */
final class BalanceChanges {

    /** The net effect of a batch on one account. Sums commute, so order within the batch does not matter. */
    static final class Delta {
        boolean opened;
        long available;
        long held;
        long total;
        boolean locked;

        void credit(Money amount) {
            available = Math.addExact(available, amount.units());
            total = Math.addExact(total, amount.units());
        }

        void debit(Money amount) {
            available = Math.subtractExact(available, amount.units());
            total = Math.subtractExact(total, amount.units());
        }

        void hold(Money amount) {
            available = Math.subtractExact(available, amount.units());
            held = Math.addExact(held, amount.units());
        }

        void release(Money amount) {
            held = Math.subtractExact(held, amount.units());
            available = Math.addExact(available, amount.units());
        }

        void reverseAndLock(Money amount) {
            held = Math.subtractExact(held, amount.units());
            total = Math.subtractExact(total, amount.units());
            locked = true;
        }
    }

    private final Map<Integer, Delta> deltas = new LinkedHashMap<>();
    private final List<RejectedRowTable.NewRejection> rejections = new ArrayList<>();
    private final List<TransactionTable.NewTransaction> newTransactions = new ArrayList<>();
    /** The deposits of this batch, which a dispute in the same batch may refer to. */
    private final Map<Long, TransactionTable.NewTransaction> newDeposits = new HashMap<>();
    /** The last dispute state this batch gives to deposits of earlier batches. */
    private final Map<Long, DisputeState> earlierDepositStates = new LinkedHashMap<>();

    void open(int client) {
        of(client).opened = true;
    }

    Delta of(int client) {
        return deltas.computeIfAbsent(client, key -> new Delta());
    }

    void reject(RejectedRowTable.NewRejection rejection) {
        rejections.add(rejection);
    }

    /** An accepted deposit or withdrawal, at {@code position} in the event store. */
    void accept(TransactionType type, int client, long tx, Money amount, long position) {
        TransactionTable.NewTransaction row = new TransactionTable.NewTransaction(tx, client, type.code(),
                amount.units(), position);
        newTransactions.add(row);
        if (type == TransactionType.DEPOSIT) {
            newDeposits.put(tx, row);
        }
    }

    /** Deposit {@code tx} of this or an earlier batch is now in {@code state}. */
    void mark(long tx, DisputeState state) {
        TransactionTable.NewTransaction row = newDeposits.get(tx);
        if (row != null) {
            row.state = state;
        } else {
            earlierDepositStates.put(tx, state);
        }
    }

    void writeTo(BalanceTable balances, RejectedRowTable rejected, TransactionTable transactions) {
        balances.write(deltas);
        rejected.insert(rejections);
        transactions.insert(newTransactions);
        transactions.updateStates(earlierDepositStates);
    }

}

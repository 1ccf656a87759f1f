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

    /**
     * The net effect of a batch on one account. Sums commute, so order within the batch does not matter.
     * Every balance fits in 64 bits after every event (the aggregate sees to it), but a batch's net
     * change need not: {@code available} runs from minus to plus the largest amount, so it can move
     * by twice that. The sums therefore wrap, as two's complement addition does, and remember that
     * they did: start + net change, wrapped the same way, is still exactly the final balance
     * ({@link BalanceTable} adds such a change in Java instead of in SQL).
     */
    static final class Delta {
        boolean opened;
        long available;
        long held;
        long total;
        boolean locked;
        /** Some sum left the 64-bit range on the way: SQLite's exact addition cannot apply this change. */
        boolean wrapped;

        void credit(Money amount) {
            available = plus(available, amount.units());
            total = plus(total, amount.units());
        }

        void debit(Money amount) {
            available = minus(available, amount.units());
            total = minus(total, amount.units());
        }

        void hold(Money amount) {
            available = minus(available, amount.units());
            held = plus(held, amount.units());
        }

        void release(Money amount) {
            held = minus(held, amount.units());
            available = plus(available, amount.units());
        }

        void reverseAndLock(Money amount) {
            held = minus(held, amount.units());
            total = minus(total, amount.units());
            locked = true;
        }

        private long plus(long sum, long units) {
            long result = sum + units;
            wrapped |= ((sum ^ result) & (units ^ result)) < 0;
            return result;
        }

        private long minus(long sum, long units) {
            long result = sum - units;
            wrapped |= ((sum ^ units) & (sum ^ result)) < 0;
            return result;
        }
    }

    /** Whether the batch's accepted deposits and withdrawals go to the transaction table too. */
    private final boolean history;
    private final Map<Integer, Delta> deltas = new LinkedHashMap<>();
    private final List<RejectedRowTable.NewRejection> rejections = new ArrayList<>();
    private final List<TransactionTable.NewTransaction> newTransactions = new ArrayList<>();
    /** The deposits of this batch, which a dispute in the same batch may refer to. */
    private final Map<Long, TransactionTable.NewTransaction> newDeposits = new HashMap<>();
    /** The last dispute state this batch gives to deposits of earlier batches. */
    private final Map<Long, DisputeState> earlierDepositStates = new LinkedHashMap<>();

    BalanceChanges(boolean history) {
        this.history = history;
    }

    Delta of(int client) {
        return deltas.computeIfAbsent(client, key -> new Delta());
    }

    void reject(RejectedRowTable.NewRejection rejection) {
        rejections.add(rejection);
    }

    /** An accepted deposit or withdrawal, at {@code position} in the event store. */
    void accept(TransactionType type, int client, long tx, Money amount, long position) {
        if (!history) {
            return;
        }
        TransactionTable.NewTransaction row = new TransactionTable.NewTransaction(tx, client, type.code(),
                amount.units(), position);
        newTransactions.add(row);
        if (type == TransactionType.DEPOSIT) {
            newDeposits.put(tx, row);
        }
    }

    /** Deposit {@code tx} of this or an earlier batch is now in {@code state}. */
    void mark(long tx, DisputeState state) {
        if (!history) {
            return;
        }
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

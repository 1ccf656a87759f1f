package io.payonator.query;

import io.payonator.api.event.AccountOpened;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.event.Deposited;
import io.payonator.api.event.Disputed;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.Withdrawn;

import java.util.function.IntFunction;

/**
 * What each event does to a balance, in one place: the projection applies it to a batch's changes,
 * {@link LedgerFold} to the ledger as of a point. The rules that decided the events live only in the
 * command side's aggregate; this only carries out what the events say happened.
 */
final class EventEffects {

    private EventEffects() {
    }

    /**
     * Applies {@code event}'s effect to its client's account, found through {@code accounts}.
     * Events that move no money (rejections, malformed rows) change nothing.
     */
    static void apply(Object event, IntFunction<BalanceChanges.Delta> accounts) {
        if (event instanceof AccountOpened e) {
            accounts.apply(e.client()).opened = true;
        } else if (event instanceof Deposited e) {
            accounts.apply(e.client()).credit(e.amount());
        } else if (event instanceof Withdrawn e) {
            accounts.apply(e.client()).debit(e.amount());
        } else if (event instanceof Disputed e) {
            accounts.apply(e.client()).hold(e.amount());
        } else if (event instanceof Resolved e) {
            accounts.apply(e.client()).release(e.amount());
        } else if (event instanceof ChargedBack e) {
            accounts.apply(e.client()).reverseAndLock(e.amount());
        }
    }
}

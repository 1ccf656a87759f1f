/**
 * Queries and the views they are answered with: balances, pages of accounts, a client's history and
 * the rejected rows, from the query side's tables; and the ledger at a {@link io.payonator.api.query.Point}
 * in its history (a position in the event store, or a time), rebuilt from the events up to it.
 */
package io.payonator.api.query;

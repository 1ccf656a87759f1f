/**
 * The ledger at a point in its history, read from the event store rather than the projection: a
 * client's rows with the balance after each, one account or the whole ledger as of a position or a
 * time. The events' effects are applied by the query side's {@code LedgerFold}, the same code the
 * projection uses; the rules that decided them stay in the command side's aggregate.
 */
package io.payonator.ops.history;

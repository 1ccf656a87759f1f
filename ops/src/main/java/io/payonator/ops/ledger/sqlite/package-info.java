/**
 * The SQLite backend, the default: its location (a file), the lock file, durable connections and its
 * failures. Chosen by the {@code sqlite} profile.
 */
package io.payonator.ops.ledger.sqlite;

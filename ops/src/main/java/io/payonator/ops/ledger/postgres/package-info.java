/**
 * The PostgreSQL backend: its location (a JDBC URL), the advisory locks that admit one writer and order
 * appends, its connection pools and its failures. Chosen by the {@code postgresql} profile.
 */
package io.payonator.ops.ledger.postgres;

/**
 * Turns parsed rows into commands: tx-id reservations (a tx id is accepted once in a ledger) and the
 * rejection of malformed rows, before a row reaches its client.
 */
package io.payonator.command.intake;

/**
 * The query side: the projection that builds the balance, transaction and rejection tables from the events,
 * and the read model that answers queries from them. It never sees a command.
 */
package io.payonator.query;

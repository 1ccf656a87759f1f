/**
 * Queries the query side answers and the views it answers with: balances, pages of accounts, a client's
 * history and the rejected rows.
 */
package io.payonator.api.query;

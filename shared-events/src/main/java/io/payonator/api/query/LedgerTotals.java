package io.payonator.api.query;

import java.math.BigDecimal;

/**
 * The ledger's totals: how many accounts and how many of them locked, and the sums of their
 * balances. The sums are exact decimals of any size: 65,536 balances of 64 bits each may add up to
 * more than 64 bits.
 */
public record LedgerTotals(long accounts, long lockedAccounts, BigDecimal available, BigDecimal held,
                           BigDecimal total) {
}

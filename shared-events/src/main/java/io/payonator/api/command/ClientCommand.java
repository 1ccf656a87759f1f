package io.payonator.api.command;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;

/**
 * A transaction row addressed to one client's account. The importer and the online intake both
 * send these; the {@code Client} aggregate decides each one.
 */
public sealed interface ClientCommand
        permits DepositFunds, WithdrawFunds, DisputeDeposit, ResolveDispute, ChargeBackDeposit {

    int client();

    long tx();

    RowOrigin origin();

    TransactionType type();

    /** The amount the row carried: only deposits and withdrawals have one. */
    default Money amount() {
        return null;
    }
}

package io.payonator.ops.cli;

import io.payonator.api.query.AccountBalance;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code payonator accounts --db PATH}: prints the accounts CSV of a persistent ledger. It only
 * reads, so it also runs beside the process that holds the ledger (a {@code serve}, an import).
 */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = {"Prints the accounts CSV of a persistent ledger.",
                "Beside a serve or an import that holds the ledger, prints the balances that process has"
                        + " applied so far."})
final class AccountsCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private VerbosityOptions verbosity;

    @Mixin
    private ExistingLedgerOption ledgerFile;

    AccountsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!ledgerFile.isLedger(console)) {
            return ExitCode.UNREADABLE_INPUT;
        }
        Reports.printAccounts(accounts(), console.out());
        return ExitCode.OK;
    }

    /**
     * With the ledger to itself, the command first lets the projection apply every stored event
     * (an import may have stopped before it did). Held by another process, whose projection is
     * applying them, the balances are read as that projection last stored them.
     */
    private List<AccountBalance> accounts() throws InterruptedException {
        Ledger ledger;
        try {
            ledger = Ledger.open(ledgerFile.db);
        } catch (LedgerInUseException heldByAWriter) {
            console.notice(ledgerFile.db + " is open in another payonator process: its balances as that process"
                    + " has applied them so far");
            try (Ledger reader = Ledger.openForReading(ledgerFile.db)) {
                return reader.get(LedgerQueries.class).accounts();
            }
        }
        try (ledger) {
            ledger.get(ProjectionCatchUp.class).await(Timeouts.PROJECTION);
            return ledger.get(LedgerQueries.class).accounts();
        }
    }
}

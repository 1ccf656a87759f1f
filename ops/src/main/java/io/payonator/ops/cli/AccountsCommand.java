package io.payonator.ops.cli;

import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code payonator accounts --db PATH}: prints the accounts CSV of a persistent ledger. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Prints the accounts CSV of a persistent ledger.")
final class AccountsCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private ExistingLedgerOption ledgerFile;

    AccountsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!ledgerFile.exists(console)) {
            return ExitCode.UNREADABLE_INPUT;
        }
        try (Ledger ledger = Ledger.open(ledgerFile.db)) {
            ledger.get(ProjectionCatchUp.class).await(Timeouts.PROJECTION);
            Reports.printAccounts(ledger.get(LedgerQueries.class).accounts(), console.out());
        } catch (LedgerInUseException writing) {
            printBesideTheWriter();
        }
        return ExitCode.OK;
    }

    /** Another process writes the ledger and runs its projection: its tables are read as they are. */
    private void printBesideTheWriter() throws IOException {
        console.error(ledgerFile.db + " is being written by another payonator process: these are the balances"
                + " its projection has applied so far");
        try (Ledger ledger = Ledger.openForReading(ledgerFile.db)) {
            Reports.printAccounts(ledger.get(LedgerQueries.class).accounts(), console.out());
        }
    }
}

package io.payonator.ops.cli;

import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.LedgerAsOf;
import io.payonator.api.query.Point;
import io.payonator.ops.history.LedgerHistory;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
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

    @Option(names = "--as-of", paramLabel = "POINT", converter = Points.class,
            description = {"The accounts as of a point in the ledger's history, rebuilt from the events up to it:"
                    + " a position in the event store (after exactly the events at positions up to it), or an"
                    + " ISO-8601 instant such as 2026-11-30T03:00:00Z (as of the last position recorded by then)."})
    private Point asOf;

    AccountsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!ledgerFile.isLedger(console)) {
            return ExitCode.UNREADABLE_INPUT;
        }
        Reports.printAccounts(asOf == null ? accounts() : accountsAsOf(), console.out());
        return ExitCode.OK;
    }

    /**
     * Reads only the event store, never the projection, so it needs neither the writer's lock nor
     * a caught-up projection, and runs beside any other process.
     */
    private List<AccountBalance> accountsAsOf() {
        try (Ledger reader = Ledger.openForReading(ledgerFile.db)) {
            long start = System.nanoTime();
            LedgerAsOf ledger = reader.get(LedgerHistory.class).ledgerAsOf(asOf);
            console.notice(String.format(Locale.ROOT, "accounts as of position %d, rebuilt from its events in %.1f s",
                    ledger.asOf(), (System.nanoTime() - start) / 1e9));
            return ledger.accounts();
        }
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

package io.payonator.ops.cli;

import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code payonator accounts --db PATH}: prints the accounts CSV of a persistent ledger. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Prints the accounts CSV of a persistent ledger.")
final class AccountsCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--db", paramLabel = "PATH", required = true, description = "The ledger file.")
    private Path db;

    AccountsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!ExistingLedger.check(db, console)) {
            return ExitCode.UNREADABLE_INPUT;
        }
        try (Ledger ledger = Ledger.open(db)) {
            ledger.get(ProjectionCatchUp.class).await(Timeouts.PROJECTION);
            Reports.printAccounts(ledger.get(LedgerQueries.class).accounts(), console.out());
        }
        return ExitCode.OK;
    }
}

package io.payonator.ops.cli;

import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.ReplayJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code payonator replay --db PATH}: rebuilds the balance tables from the event store, prints
 * the rebuilt accounts, and fails if they differ from the tables before the replay.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuilds the balances from the event store, prints them, and exits non-zero if they"
                + " differ from the balances before.")
final class ReplayCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    private VerbosityOptions verbosity;

    @Mixin
    private ExistingLedgerOption ledgerFile;

    ReplayCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!ledgerFile.isLedger(console)) {
            return ExitCode.UNREADABLE_INPUT;
        }
        try (Ledger ledger = Ledger.open(ledgerFile.db)) {
            ReplayJob.Outcome outcome = ledger.get(ReplayJob.class).replay(Timeouts.PROJECTION);
            Reports.printAccounts(outcome.accountsAfter(), console.out());
            if (!outcome.identical()) {
                console.error("replay MISMATCH: the balances rebuilt from the event store differ from the balances"
                        + " before (" + outcome.accountsBefore().size() + " accounts before, "
                        + outcome.accountsAfter().size() + " after; rejects report before: " + outcome.rejectsBefore()
                        + ", after: " + outcome.rejectsAfter() + ")");
                return ExitCode.REPLAY_MISMATCH;
            }
            console.notice("replay: " + outcome.accountsAfter().size()
                    + " accounts rebuilt from the event store, identical to the balances before");
        }
        return ExitCode.OK;
    }
}

package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerFiles;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --db PATH} of a command that reads a ledger: it must exist, so no empty one is created by
 * mistake, and be a ledger, so nothing is created beside another kind of file.
 */
final class ExistingLedgerOption {

    @Option(names = "--db", paramLabel = "PATH", required = true, description = "The ledger file.")
    Path db;

    /** Says why the file is no ledger to read, if it is not one. */
    boolean isLedger(Console console) {
        if (!Files.isRegularFile(db)) {
            console.error(db + ": no such ledger");
            return false;
        }
        Optional<String> notALedger = LedgerFiles.notALedger(db);
        notALedger.ifPresent(why -> console.error(db + ": " + why));
        return notALedger.isEmpty();
    }
}

package io.payonator.ops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --db PATH} of a command that reads a ledger: it must exist, so no empty one is created by mistake. */
final class ExistingLedgerOption {

    @Option(names = "--db", paramLabel = "PATH", required = true, description = "The ledger file.")
    Path db;

    boolean exists(Console console) {
        if (Files.isRegularFile(db)) {
            return true;
        }
        console.error(db + ": no such ledger");
        return false;
    }
}

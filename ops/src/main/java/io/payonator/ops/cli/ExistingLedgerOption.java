package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerLocation;
import picocli.CommandLine.Option;

import java.nio.file.Files;

/** {@code --db PATH} of a command that reads a ledger: it must exist, so no empty one is created by mistake. */
final class ExistingLedgerOption {

    @Option(names = "--db", paramLabel = "LEDGER", required = true, converter = LedgerLocations.class,
            description = "The ledger: a SQLite file or a PostgreSQL URL jdbc:postgresql://HOST:PORT/DATABASE?user=NAME.")
    LedgerLocation db;

    boolean exists(Console console) {
        if (db.file().map(Files::isRegularFile).orElseGet(db::exists)) {
            return true;
        }
        console.error(db + ": no such ledger");
        return false;
    }
}

package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerLocation;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.Optional;

/**
 * {@code --db LEDGER} of a command that reads a ledger: it must exist, so no empty one is created by
 * mistake, and be a ledger, so nothing is created beside another kind of file.
 */
final class ExistingLedgerOption {

    @Option(names = "--db", paramLabel = "LEDGER", required = true, converter = LedgerLocations.class,
            description = "The ledger: a SQLite file or a PostgreSQL URL jdbc:postgresql://HOST:PORT/DATABASE?user=NAME.")
    LedgerLocation db;

    /** Says why there is no ledger to read, if there is none. */
    boolean isLedger(Console console) {
        if (!db.file().map(Files::isRegularFile).orElseGet(db::exists)) {
            console.error(db + ": no such ledger");
            return false;
        }
        Optional<String> notALedger = db.notALedger();
        notALedger.ifPresent(why -> console.error(db + ": " + why));
        return notALedger.isEmpty();
    }
}

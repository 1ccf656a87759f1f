package io.payonator.ops.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Commands that read a ledger must not create an empty one by mistake. */
final class ExistingLedger {

    private ExistingLedger() {
    }

    static boolean check(Path db, Console console) {
        if (Files.isRegularFile(db)) {
            return true;
        }
        console.error(db + ": no such ledger");
        return false;
    }
}

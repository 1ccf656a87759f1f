package io.payonator.ops.ledger;

import java.nio.file.Path;

/** Another payonator process has this ledger open (see {@link LedgerLock}). */
public class LedgerInUseException extends RuntimeException {

    public LedgerInUseException(Path ledger) {
        super(ledger + " is in use by another payonator process (a serve, an import, a replay); stop it first");
    }
}

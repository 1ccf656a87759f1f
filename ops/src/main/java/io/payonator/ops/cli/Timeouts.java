package io.payonator.ops.cli;

import java.time.Duration;

final class Timeouts {

    /** How long the command line waits for the projection; far above any import it catches up after. */
    static final Duration PROJECTION = Duration.ofHours(2);

    private Timeouts() {
    }
}

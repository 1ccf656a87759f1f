package io.payonator.ops.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command runs with: standard input, the CSV output, and the diagnostics stream. */
record Console(InputStream in, PrintStream out, PrintStream err) {

    void error(String message) {
        err.println("payonator: " + message);
    }
}

package io.payonator.ops;

import io.payonator.ops.cli.CommandLineInterface;

/** The {@code payonator} command line. */
public final class Payonator {

    private Payonator() {
    }

    public static void main(String[] args) {
        // Axon and Spring leave non-daemon threads behind; the command's outcome is the exit code
        System.exit(CommandLineInterface.run(args, System.in, System.out, System.err));
    }
}

package io.payonator.ops.cli;

import picocli.CommandLine.Option;

/** {@code -q}, {@code -v}, {@code --debug}, on every command; the last one given counts. */
final class VerbosityOptions {

    private final Console console;

    VerbosityOptions(Console console) {
        this.console = console;
    }

    @Option(names = {"-q", "--quiet"}, description = "Print only errors on standard error.")
    void quiet(boolean on) {
        console.verbosity(on ? Verbosity.QUIET : Verbosity.NORMAL);
    }

    @Option(names = {"-v", "--verbose"},
            description = "Also print every rejected row (not only the first 20) and what the run is doing.")
    void verbose(boolean on) {
        console.verbosity(on ? Verbosity.VERBOSE : Verbosity.NORMAL);
    }

    @Option(names = "--debug", description = "Print everything the ledger logs, and the stack trace of a failure.")
    void debug(boolean on) {
        console.verbosity(on ? Verbosity.DEBUG : Verbosity.NORMAL);
    }
}

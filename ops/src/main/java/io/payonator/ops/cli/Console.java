package io.payonator.ops.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command runs with (standard input, the CSV output, the diagnostics stream) and how
 * much it says on the last. Every line the command line itself writes to standard error starts
 * with {@value #PREFIX}, as a Unix tool's messages do, so they stand out from the logs of whatever
 * runs it.
 */
final class Console {

    static final String PREFIX = "payonator: ";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private Verbosity verbosity = Verbosity.NORMAL;

    Console(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    InputStream in() {
        return in;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Verbosity verbosity() {
        return verbosity;
    }

    void verbosity(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    /** Always shown, also with {@code --quiet}. */
    void error(String message) {
        err.println(PREFIX + message);
    }

    /** What the operator should know of a run that worked (a summary, a rejected row); not with {@code --quiet}. */
    void notice(String message) {
        if (verbosity != Verbosity.QUIET) {
            err.println(PREFIX + message);
        }
    }

    /** The stack trace behind a one-line error, with {@code --debug} only. */
    void trace(Throwable failure) {
        if (verbosity == Verbosity.DEBUG) {
            failure.printStackTrace(err);
        }
    }
}

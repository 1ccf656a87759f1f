package io.payonator.ops.cli;

/** Process exit codes of the command line. */
final class ExitCode {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int UNREADABLE_INPUT = 3;
    static final int REPLAY_MISMATCH = 4;
    /**
     * An import stopped by Ctrl-C; the process itself exits with what the JVM gives a signal's
     * end, 128 + the signal (130 for SIGINT, 143 for SIGTERM).
     */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}

package io.payonator.ops.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Where {@code --rejects} sends the rejects report: nowhere, a file, or standard output ({@code -}). */
record RejectsTarget(String argument) {

    static final String STANDARD_OUTPUT = "-";

    boolean requested() {
        return argument != null;
    }

    boolean toStandardOutput() {
        return STANDARD_OUTPUT.equals(argument);
    }

    Path file() {
        return Path.of(argument);
    }

    /** How the listing on standard error points at every rejected row. */
    String allOfThem() {
        if (!requested()) {
            return "use --rejects FILE";
        }
        return toStandardOutput() ? "all of them on standard output" : "all of them in " + argument;
    }

    /** Where the summary says the full report is, if anywhere needs saying. */
    Optional<String> where(long rejectedThisRun) {
        if (!requested()) {
            return rejectedThisRun == 0 ? Optional.empty() : Optional.of("details: --rejects FILE");
        }
        return Optional.of("rejects report: " + (toStandardOutput() ? "standard output" : argument));
    }
}

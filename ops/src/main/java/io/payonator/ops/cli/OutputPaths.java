package io.payonator.ops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a file the command will create or write, before anything else happens: an import that
 * fails on its rejects file or ledger path only after it stored its rows would leave the operator a
 * changed ledger and an error.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /** Why {@code file} ({@code what}, e.g. "--rejects") cannot be written, or empty when it can be. */
    static Optional<String> problemWith(Path file, String what) {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return Optional.of(what + " " + file + ": is a directory");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.of(what + " " + file + ": no such directory " + directory);
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(directory)) {
            return Optional.of(what + " " + file + ": not writable");
        }
        return Optional.empty();
    }
}

package io.payonator.ops.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checks a file the command will create or write, before anything else happens: an import that
 * fails on its rejects file or ledger path only after it stored its rows would leave the operator a
 * changed ledger and an error. The file is opened for writing (and removed again if this made
 * it): permission bits do not tell, for root or on file systems such as /sys.
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
        return probe(absolute).map(reason -> what + " " + file + ": cannot be written: " + reason);
    }

    private static Optional<String> probe(Path file) {
        boolean existed = Files.exists(file);
        try {
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
            if (!existed) {
                Files.delete(file);
            }
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied");
        } catch (FileSystemException e) {
            return Optional.of(e.getReason() != null ? e.getReason() : e.toString());
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }
}

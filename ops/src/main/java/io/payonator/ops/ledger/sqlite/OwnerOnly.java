package io.payonator.ops.ledger.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A ledger's files are created readable and writable by their owner only (0600): they hold every
 * balance and transaction. SQLite gives the write-ahead log and shared-memory files it creates the
 * permissions of the database file, so creating that one right is enough for them too.
 */
final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** rw------- where the file system has POSIX permissions; nothing elsewhere. */
    static FileAttribute<?>[] attributes() {
        return POSIX ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Creates {@code file} empty, which SQLite takes for a new database; leaves an existing one as it is. */
    static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, attributes());
        } catch (FileAlreadyExistsException alreadyThere) {
            // another process made it meanwhile: its permissions are its own
        }
    }
}

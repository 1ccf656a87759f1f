package io.payonator.ops.ledger.sqlite;

import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One process at a time per ledger file. A running service keeps the tx-id reservations and the
 * accounts in memory, and its projection owns the processor's token: an import beside it would
 * go unseen (a reused tx id not caught as a duplicate), and a second projection would wait forever
 * for a token it cannot claim. So every command holds an operating-system lock on
 * {@code <ledger>.lock} while it has the ledger open, and one that finds it taken stops at once.
 */
final class SqliteFileLock implements LedgerLocation.WriterLock {

    static final String SUFFIX = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws LedgerInUseException if another process (or another ledger of this one) has the file open */
    static SqliteFileLock acquire(Path ledger) {
        Path file = Path.of(ledger + SUFFIX);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    OwnerOnly.attributes());
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new LedgerInUseException(ledger + " is in use by another payonator process (a serve, an import,"
                        + " a replay); stop it first");
            }
            return new SqliteFileLock(channel, lock);
        } catch (IOException e) {
            closeAfter(channel, e);
            throw new UncheckedIOException("cannot lock ledger " + ledger + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfter(channel, e);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void closeAfter(FileChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** An operating-system lock lasts as long as the process: nothing to check. */
    @Override
    public void check() {
    }

    @Override
    public void close() {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the ledger lock: " + e.getMessage(), e);
        }
    }
}

package io.payonator.ops.ledger.sqlite;

import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.TxReservations;
import io.payonator.query.BalanceProjection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A ledger in one SQLite file: the default backend. A temporary ledger lives in a fresh file that
 * is deleted on close, and skips the syncs a ledger that stays needs.
 */
public final class SqliteLocation implements LedgerLocation {

    public static final String BACKEND = "sqlite";

    private final Path file;
    private final boolean temporary;

    private SqliteLocation(Path file, boolean temporary) {
        this.file = file;
        this.temporary = temporary;
    }

    /** The ledger stored in {@code file}, created when first opened. */
    public static SqliteLocation of(Path file) {
        return new SqliteLocation(file, false);
    }

    /** A new ledger in a temporary file. */
    public static SqliteLocation temporary() throws IOException {
        return new SqliteLocation(Files.createTempFile("payonator-", ".db"), true);
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("payonator.db", file.toAbsolutePath().toString());
        if (temporary) {
            // a throwaway ledger need not survive a power loss: skip the syncs
            properties.put("payonator.sqlite.synchronous", "OFF");
            properties.put("payonator.sqlite.projection-synchronous", "OFF");
            // nor is it opened again: a client snapshot would only read its events back for nothing
            properties.put("payonator.snapshots.every-events", "0");
            // and nothing reads its transaction history: the import's output is balances and rejects
            properties.put(BalanceProjection.TRANSACTION_HISTORY, "false");
            // nor its tx-id reservations: the import decides against memory, and no client is restored
            properties.put(TxReservations.STORED_PROPERTY, "false");
        }
        return properties;
    }

    @Override
    public WriterLock lockForWriting() {
        return SqliteFileLock.acquire(file);
    }

    @Override
    public boolean exists() {
        return !temporary && Files.exists(file);
    }

    @Override
    public Optional<String> notALedger() {
        return SqliteLedgerFiles.notALedger(file);
    }

    /** The file is created empty, which SQLite takes for a new database, readable by its owner only (see {@link OwnerOnly}). */
    @Override
    public void create() {
        try {
            OwnerOnly.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    /** The ledger file goes; its lock file stays, as the lock is still held. */
    @Override
    public void removeCreated() {
        deleteDatabase();
        if (temporary) {
            delete(lockFile());
        }
    }

    @Override
    public boolean isTemporary() {
        return temporary;
    }

    /** Deletes the ledger file with its SQLite companions (write-ahead log, shared memory, journal) and its lock file. */
    @Override
    public void delete() {
        deleteDatabase();
        delete(lockFile());
    }

    @Override
    public boolean isStorageFailure(Throwable failure) {
        return SqliteFailures.isSqlite(failure);
    }

    @Override
    public String describe(Throwable failure) {
        return SqliteFailures.describe(failure);
    }

    @Override
    public String toString() {
        return file.toString();
    }

    private Path lockFile() {
        return Path.of(file + SqliteFileLock.SUFFIX);
    }

    private void deleteDatabase() {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
            delete(Path.of(file + suffix));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete ledger file " + file, e);
        }
    }
}

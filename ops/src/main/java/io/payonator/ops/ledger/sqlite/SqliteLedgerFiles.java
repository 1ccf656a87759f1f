package io.payonator.ops.ledger.sqlite;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a ledger file from any other file before it is opened: opening takes the lock beside it and
 * lets the schema migration loose on it, so a CSV given as {@code --db} by mistake would get a
 * lock file and pages of errors, and another program's SQLite database would get the ledger's tables.
 */
final class SqliteLedgerFiles {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The event store's table, there from the ledger's first migration on. */
    private static final String EVENT_TABLE = "DomainEventEntry";

    private SqliteLedgerFiles() {
    }

    /**
     * Why {@code file} is not a ledger, or empty when it is one, or may become one (it does not
     * exist or is empty). Only what is certain counts: a file that cannot be read here is left to
     * the open to report.
     */
    static Optional<String> notALedger(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return Optional.empty();
            }
            if (!hasSqliteHeader(file)) {
                return Optional.of("not a payonator ledger (not an SQLite database)");
            }
            return hasForeignTables(file) ? Optional.of("not a payonator ledger (an SQLite database without its"
                    + " event store)") : Optional.empty();
        } catch (IOException | SQLException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    /** Tables, but not the event store: another program's database. No tables at all: a ledger being created. */
    private static boolean hasForeignTables(Path file) throws SQLException {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                readOnly.toProperties());
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table'")) {
            boolean any = false;
            while (tables.next()) {
                if (EVENT_TABLE.equalsIgnoreCase(tables.getString(1))) {
                    return false;
                }
                any = true;
            }
            return any;
        }
    }
}

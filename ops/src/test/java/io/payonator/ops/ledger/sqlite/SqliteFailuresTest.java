package io.payonator.ops.ledger.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Real SQLite failures, told apart and named plainly. */
class SqliteFailuresTest {

    @TempDir
    Path work;

    @Test
    void aWriteToAReadOnlyLedgerIsNamedAsSuch() throws SQLException {
        String url = "jdbc:sqlite:" + work.resolve("ledger.db");
        execute(DriverManager.getConnection(url), "CREATE TABLE t (x)");
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);

        Throwable failure = catchThrowable(() -> execute(readOnly.createConnection(url), "INSERT INTO t VALUES (1)"));

        assertThat(SqliteFailures.describe(new RuntimeException("wrapped", failure)))
                .startsWith("the ledger file is read-only (SQLITE_READONLY");
        assertThat(SqliteFailures.isBusy(failure)).isFalse();
    }

    @Test
    void aFullLedgerIsNamedAsSuch() throws SQLException {
        String url = "jdbc:sqlite:" + work.resolve("ledger.db") + "?max_page_count=3";

        Throwable failure = catchThrowable(() -> execute(DriverManager.getConnection(url),
                "CREATE TABLE a (x)", "CREATE TABLE b (x)", "CREATE TABLE c (x)", "CREATE TABLE d (x)"));

        assertThat(SqliteFailures.describe(failure)).startsWith("the disk holding the ledger is full (SQLITE_FULL");
    }

    @Test
    void aLockHeldByAnotherConnectionIsBusy() throws SQLException {
        String url = "jdbc:sqlite:" + work.resolve("ledger.db") + "?journal_mode=WAL&busy_timeout=0";
        execute(DriverManager.getConnection(url), "CREATE TABLE t (x)");
        try (Connection holder = DriverManager.getConnection(url)) {
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("INSERT INTO t VALUES (1)");

            Throwable failure = catchThrowable(() -> execute(DriverManager.getConnection(url), "INSERT INTO t VALUES (2)"));

            assertThat(SqliteFailures.isBusy(failure)).isTrue();
            assertThat(SqliteFailures.describe(failure)).startsWith("the ledger is locked by another writer");
        }
    }

    @Test
    void otherFailuresKeepTheirOwnMessage() {
        assertThat(SqliteFailures.describe(new IllegalStateException("no SQLite here"))).isEqualTo("no SQLite here");
        assertThat(SqliteFailures.isSqlite(new IllegalStateException("no SQLite here"))).isFalse();
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}

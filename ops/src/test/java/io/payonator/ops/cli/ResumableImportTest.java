package io.payonator.ops.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Nothing lost, nothing applied twice: an import that stops part-way (here: the ledger's disk
 * fills up) resumes after its last stored row when run again, a file already imported whole is
 * recognised by its content and skipped, and a ledger locked by another writer is waited for.
 * Every run ends with the accounts and rejects of one uninterrupted import.
 */
class ResumableImportTest {

    private static final String URL = "payonator.sqlite.url";
    private static final String CHUNK_ROWS = "payonator.import.chunk-rows";
    private static final String BUSY_TIMEOUT = "payonator.import.busy-timeout-ms";

    @TempDir
    Path work;
    private Path input;
    private Path ledger;
    private Cli.Result uninterrupted;

    @BeforeEach
    void importOnceUninterrupted() throws IOException {
        Cli.Result generated = Cli.run("generate", "20000", "--clients", "150", "--seed", "5", "--malformed", "0.01");
        input = Files.writeString(work.resolve("day.csv"), generated.out());
        ledger = work.resolve("ledger.db");
        System.setProperty(CHUNK_ROWS, "1000");
        uninterrupted = Cli.run(input.toString(), "--rejects", work.resolve("rejects-uninterrupted.csv").toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    }

    @AfterEach
    void restoreSettings() {
        System.clearProperty(URL);
        System.clearProperty(CHUNK_ROWS);
        System.clearProperty(BUSY_TIMEOUT);
    }

    @Test
    void aFullDiskStopsTheImportWithAClearMessageAndTheNextRunResumes() throws Exception {
        // a ledger capped at a few hundred pages fills up part-way through the file
        System.setProperty(URL, "jdbc:sqlite:${payonator.db}?journal_mode=WAL&busy_timeout=600000&max_page_count=400");
        Cli.Result stopped = importIntoLedger("rejects-stopped.csv");
        System.clearProperty(URL);

        assertThat(stopped.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(stopped.out()).isEmpty();
        assertThat(stopped.err()).contains("disk holding the ledger is full", "run the same import");
        long storedBefore = count("SELECT count(*) FROM DomainEventEntry");
        long linesDone = count("SELECT lines_done FROM import_source");
        assertThat(storedBefore).as("some chunks were stored before the disk filled up").isPositive();
        assertThat(linesDone).isBetween(1L, 20_000L);

        LoggedRun.Result resumed = LoggedRun.of(() -> importIntoLedger("rejects-resumed.csv"));

        assertThat(resumed.cli().exitCode()).as(resumed.cli().err()).isZero();
        assertThat(resumed.logs()).contains("resuming after line " + linesDone);
        assertThat(resumed.cli().out()).isEqualTo(uninterrupted.out());
        assertThat(work.resolve("rejects-resumed.csv")).hasSameTextualContentAs(work.resolve("rejects-uninterrupted.csv"));
        assertThat(count("SELECT complete FROM import_source")).isEqualTo(1);
    }

    @Test
    void aReadOnlyLedgerFileStopsTheImportWithAClearMessageAndChangesNothing() throws Exception {
        ledger = Files.createDirectories(work.resolve("read-only")).resolve("ledger.db");
        Path empty = Files.writeString(work.resolve("empty.csv"), "type,client,tx,amount\n");
        assertThat(Cli.run(empty.toString(), "--db", ledger.toString()).exitCode()).isZero();
        makeReadOnly(ledger.getParent());
        try {
            assumeFalse(Files.isWritable(ledger), "file permissions do not bind this user (root): nothing to test");

            Cli.Result refused = importIntoLedger("rejects-refused.csv");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).contains(ledger.toString(), "read-only");
        } finally {
            makeWritable(ledger.getParent());
        }
        assertThat(count("SELECT count(*) FROM DomainEventEntry")).isZero();
    }

    @Test
    void aFileImportedWholeIsRecognisedByItsContentAndSkipped() throws Exception {
        Cli.Result first = importIntoLedger("rejects-first.csv");
        long events = count("SELECT count(*) FROM DomainEventEntry");
        Path renamed = Files.copy(input, work.resolve("same-content-other-name.csv"));

        LoggedRun.Result again = LoggedRun.of(() -> Cli.run(renamed.toString(), "--db", ledger.toString()));

        assertThat(first.out()).isEqualTo(uninterrupted.out());
        assertThat(again.cli().exitCode()).as(again.cli().err()).isZero();
        assertThat(again.logs()).contains("same-content-other-name.csv: skipped: already imported into this ledger");
        assertThat(again.cli().out()).isEqualTo(uninterrupted.out());
        assertThat(count("SELECT count(*) FROM DomainEventEntry")).isEqualTo(events);
    }

    @Test
    void aLedgerLockedByAnotherWriterIsWaitedForAndRetried() throws Exception {
        Path empty = Files.writeString(work.resolve("empty.csv"), "type,client,tx,amount\n");
        assertThat(Cli.run(empty.toString(), "--db", ledger.toString()).exitCode()).isZero();
        System.setProperty(BUSY_TIMEOUT, "50");

        LoggedRun.Result waited;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + ledger + "?busy_timeout=60000")) {
            holdWriteLock(other);
            LoggedRun.Running run = LoggedRun.start(() -> importIntoLedger("rejects-waited.csv"));
            awaitLogged(run, "retrying in");
            other.commit();
            waited = run.result().get(5, TimeUnit.MINUTES);
        }

        assertThat(waited.cli().exitCode()).as(waited.cli().err()).isZero();
        assertThat(waited.logs()).contains("ledger is locked by another writer", "retrying in");
        assertThat(waited.cli().out()).isEqualTo(uninterrupted.out());
        assertThat(work.resolve("rejects-waited.csv")).hasSameTextualContentAs(work.resolve("rejects-uninterrupted.csv"));
    }

    private static void awaitLogged(LoggedRun.Running run, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!run.logsSoFar().contains(text) && !run.result().isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void makeReadOnly(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                file.toFile().setWritable(false, false);
            }
        }
        directory.toFile().setWritable(false, false);
    }

    private static void makeWritable(Path directory) throws IOException {
        directory.toFile().setWritable(true, false);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                file.toFile().setWritable(true, false);
            }
        }
    }

    private static void holdWriteLock(Connection other) throws SQLException {
        other.setAutoCommit(false);
        try (Statement statement = other.createStatement()) {
            statement.executeUpdate("DELETE FROM import_source WHERE 0");
        }
    }

    private Cli.Result importIntoLedger(String rejects) {
        return Cli.run(input.toString(), "--db", ledger.toString(), "--rejects", work.resolve(rejects).toString());
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getLong(1);
        }
    }
}

package io.payonator.ops.bench;

import io.payonator.ops.generate.TransactionGenerator;
import io.payonator.ops.ledger.sqlite.SqliteLocation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code payonator bench}. Everything is measured in the same run, so the
 * ratio to the floor is meaningful on a shared, noisy machine even when absolute figures drift.
 */
public final class Bench {

    /** @param postgres a PostgreSQL database to import into as well, or {@code null} */
    public record Settings(long rows, Path input, int workers, int clients, long seed, List<String> jvmOptions,
                           Path work, String postgres) {
    }

    private static final Pattern CATCH_UP = Pattern.compile("caught up with event \\d+ after (\\d+) ms");
    private static final Pattern IMPORT = Pattern.compile("imported \\d+ rows \\(\\d+ malformed\\) in (\\d+) ms");
    private static final Pattern REPLAY = Pattern.compile("rebuilt .* in (\\d+) ms");
    private static final Pattern PEAK_HEAP = Pattern.compile("heap: pool peaks summed (\\d+) MiB");
    private static final Pattern HEAP_AFTER_GC = Pattern.compile("after last GC (\\d+) MiB");

    private final Settings settings;
    private final PrintStream report;

    public Bench(Settings settings, PrintStream report) {
        this.settings = settings;
        this.report = report;
    }

    public boolean run() throws Exception {
        Path work = settings.work() != null ? Files.createDirectories(settings.work())
                : Files.createTempDirectory("payonator-bench-");
        Path input = settings.input() != null ? settings.input() : generate(work.resolve("input.csv"));
        Path ledger = work.resolve("ledger.db");
        SqliteLocation.of(ledger).delete();
        Child child = new Child(settings.jvmOptions(), work, report);

        // --debug: the figures read back below are logged at DEBUG
        Child.Run imported = child.run(input.toString(), "--debug", "--progress", "--db", ledger.toString(),
                "--workers", Integer.toString(settings.workers()), "--rejects", work.resolve("rejects.csv").toString());
        if (imported.exitCode() != 0) {
            report.println("bench: the import failed (exit " + imported.exitCode() + "):\n" + imported.err());
            return false;
        }
        long events = countEvents(ledger);
        Floor.Result floor = Floor.measure(input, events, averagePayloadBytes(ledger), work.resolve("floor.db"));
        Child.Run replayed = child.run("replay", "--verbose", "--db", ledger.toString());
        Path tenRows = firstRows(input, 10, work.resolve("ten-rows.csv"));
        Child.Run small = child.run(tenRows.toString());

        double seconds = imported.nanos() / 1e9;
        report.printf("input            %s (%,d rows)%n", input, floor.rows());
        report.printf("import           %.2f s process start to exit, %,.0f rows/s, %,.0f events/s (%,d events)%n",
                seconds, floor.rows() / seconds, events / seconds, events);
        report.printf("  of which       %,d ms importing, %,d ms projection catch-up after it%n",
                imported.logged(IMPORT), imported.logged(CATCH_UP));
        report.printf("  heap           after last GC %,d MiB, heap pools' peaks summed %,d MiB (options: %s)%n",
                imported.logged(HEAP_AFTER_GC), imported.logged(PEAK_HEAP), settings.jvmOptions());
        report.printf("floor            %.2f s = parse %.2f s + raw JDBC insert of %,d events %.2f s%n",
                floor.totalNanos() / 1e9, floor.parseNanos() / 1e9, events, floor.insertNanos() / 1e9);
        report.printf("ratio            %.2f (import / floor)%n", imported.nanos() / (double) floor.totalNanos());
        long rebuildMillis = replayed.logged(REPLAY);
        report.printf("replay           %.2f s process, %,d ms rebuilding, %,.0f events/s%n",
                replayed.nanos() / 1e9, rebuildMillis, events / (rebuildMillis / 1e3));
        report.printf("10-row file      %.2f s process start to exit%n", small.nanos() / 1e9);
        boolean succeeded = replayed.exitCode() == 0 && small.exitCode() == 0;
        if (settings.postgres() != null) {
            succeeded &= onPostgres(child, input, work, imported.nanos(), rebuildMillis);
        }
        return succeeded;
    }

    /** The same import and replay into a PostgreSQL database, beside the SQLite figures of this run. */
    private boolean onPostgres(Child child, Path input, Path work, long sqliteImportNanos, long sqliteRebuildMillis)
            throws Exception {
        String url = settings.postgres();
        Child.Run imported = child.run(input.toString(), "--debug", "--progress", "--db", url,
                "--workers", Integer.toString(settings.workers()), "--rejects", work.resolve("rejects-pg.csv").toString());
        if (imported.exitCode() != 0) {
            report.println("bench: the import into PostgreSQL failed (exit " + imported.exitCode() + "):\n" + imported.err());
            return false;
        }
        long events = queryLong(url, "SELECT count(*) FROM DomainEventEntry");
        Child.Run replayed = child.run("replay", "--verbose", "--db", url);
        double seconds = imported.nanos() / 1e9;
        long rebuildMillis = replayed.logged(REPLAY);
        report.printf("postgresql       import %.2f s, %,.0f events/s (%.2f× SQLite's time), %,d ms importing,"
                        + " %,d ms catch-up; replay %,d ms rebuilding, %,.0f events/s (%.2f× SQLite's time)%n",
                seconds, events / seconds, imported.nanos() / (double) sqliteImportNanos, imported.logged(IMPORT),
                imported.logged(CATCH_UP), rebuildMillis, events / (rebuildMillis / 1e3),
                rebuildMillis / (double) sqliteRebuildMillis);
        return replayed.exitCode() == 0;
    }

    private Path generate(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new TransactionGenerator(settings.seed(), settings.clients(), 0.01).write(settings.rows(), out);
        }
        return file;
    }

    private static Path firstRows(Path input, int rows, Path file) throws IOException {
        try (var lines = Files.lines(input)) {
            Files.write(file, lines.limit(rows + 1L).toList());
        }
        return file;
    }

    private static long countEvents(Path ledger) throws SQLException {
        return queryLong("jdbc:sqlite:" + ledger, "SELECT count(*) FROM DomainEventEntry");
    }

    private static int averagePayloadBytes(Path ledger) throws SQLException {
        return (int) queryLong("jdbc:sqlite:" + ledger, "SELECT CAST(avg(length(payload)) AS INTEGER) FROM DomainEventEntry");
    }

    private static long queryLong(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

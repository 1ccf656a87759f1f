package io.payonator.ops.cli;

import io.payonator.ops.testing.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real command line, killed with SIGKILL at random moments of an import into a persistent
 * ledger, on each storage backend, then run again with the same arguments until it completes: the accounts and rejects
 * equal those of one uninterrupted run, byte for byte, and replay proves the stored balances.
 * The seed is printed, and can be set with {@code -Dcrash.seed=N}, to repeat a run's kill points.
 */
class ImportCrashIT {

    private static final int KILLS = 6;
    private static final int ROWS = 300_000;
    private static final long SEED = Long.getLong("crash.seed", 20_261_124L);

    @TempDir
    Path work;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void killedAtRandomPointsTheImportResumesToTheUninterruptedResult(Backend backend) throws Exception {
        Path input = work.resolve("input.csv");
        Files.writeString(input, Cli.run("generate", Integer.toString(ROWS), "--clients", "2000", "--seed", "11",
                "--malformed", "0.01").out());
        String ledger = backend.newLedger(work);
        Launcher.Run reference = launch(null, input.toString(), "--rejects", work.resolve("rejects-reference.csv").toString());
        assertThat(reference.exitCode()).as(reference.err()).isZero();

        Random random = new Random(SEED);
        List<String> killPoints = new ArrayList<>();
        long partialStates = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            // most kills land after the run stored something of its own, some at any moment of start-up
            boolean early = random.nextInt(4) == 0;
            long delayMillis = early ? 200 + random.nextInt(3_000) : random.nextInt(1_000);
            String killed = launchAndKill(ledger, early, delayMillis, input.toString(), "--db", ledger,
                    "--rejects", work.resolve("rejects.csv").toString());
            long linesDone = linesDone(ledger);
            partialStates += linesDone > 0 && linesDone < ROWS ? 1 : 0;
            killPoints.add(killed + ", " + linesDone + " lines stored");
        }
        System.err.printf("crash test on %s: seed %d, kill points %s%n", backend, SEED, killPoints);
        assertThat(killPoints).as("kills that hit a running process").filteredOn(point -> !point.contains("exited"))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(partialStates).as("kills that left the file part-imported: " + killPoints).isGreaterThanOrEqualTo(3);

        Launcher.Run resumed = launch(null, input.toString(), "--db", ledger,
                "--rejects", work.resolve("rejects.csv").toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo(reference.out());
        assertThat(work.resolve("rejects.csv")).hasSameTextualContentAs(work.resolve("rejects-reference.csv"));

        Launcher.Run replayed = launch(null, "replay", "--db", ledger);
        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).isEqualTo(reference.out());
    }

    /** How far the ledger's record says the import got (0 before the first chunk was stored). */
    private static long linesDone(String ledger) throws SQLException {
        boolean postgres = ledger.startsWith("jdbc:");
        if (!postgres && !Files.exists(Path.of(ledger))) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection(postgres ? ledger : "jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT coalesce(max(lines_done), 0) FROM import_source")) {
            return result.next() ? result.getLong(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table") || "42P01".equals(e.getSQLState())) {
                return 0; // killed before the ledger's schema was created
            }
            throw e;
        }
    }

    /**
     * Starts the command and kills it with SIGKILL: {@code early}, after the delay from its start;
     * otherwise after the delay from the moment it first stored a chunk of its own.
     */
    private String launchAndKill(String ledger, boolean early, long delayMillis, String... args)
            throws IOException, InterruptedException, SQLException {
        long storedBefore = linesDone(ledger);
        Process process = start(args);
        String point = early ? delayMillis + " ms after start" : delayMillis + " ms after its first stored chunk";
        if (!early && !awaitProgress(process, ledger, storedBefore)) {
            return point + " (exited before storing a chunk)";
        }
        if (process.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            return point + " (exited first)";
        }
        process.destroyForcibly();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("killed process exits").isTrue();
        return point;
    }

    private static boolean awaitProgress(Process process, String ledger, long storedBefore)
            throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (linesDone(ledger) > storedBefore) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }

    private Launcher.Run launch(Path stdin, String... args) throws IOException, InterruptedException {
        return launcher().run(stdin, 10, args);
    }

    private Process start(String... args) throws IOException {
        return launcher().start(null, args);
    }

    /** Small chunks: many commits, so kills land between and inside them. */
    private Launcher launcher() {
        return new Launcher(work, Map.of("PAYONATOR_JAVA_OPTS", "-Dpayonator.import.chunk-rows=4000"));
    }
}

package io.payonator.ops.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Finding 12: a killed import said nothing. The real launcher, stopped by SIGTERM or SIGINT (Ctrl-C)
 * in the middle of an import into a persistent ledger: it stores the rows it has read, says how
 * far it got and how to go on, and exits 143 or 130; the same command then resumes and ends with
 * the accounts of an uninterrupted run.
 */
class InterruptedImportIT {

    private static final int ROWS = 60_000;

    @TempDir
    Path work;

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalStopsTheImportWhereItCanResume(String signal, int exitCode) throws Exception {
        Path input = Files.writeString(work.resolve("day.csv"),
                Cli.run("generate", Integer.toString(ROWS), "--clients", "500", "--seed", "17").out());
        Path db = work.resolve("ledger.db");
        Cli.Result uninterrupted = Cli.run(input.toString(), "-q");
        Launcher launcher = new Launcher(work, Map.of("PAYONATOR_JAVA_OPTS", "-Dpayonator.import.chunk-rows=3000"));

        Process process = launcher.start(null, input.toString(), "--db", db.toString());
        awaitFirstChunk(process, db);
        assumeFalse(ignores(process, signal), "this process was started with SIG" + signal + " ignored");
        signal(process, signal);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped within 2 minutes").isTrue();
        String err = Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8);
        long linesDone = linesDone(db);
        assertThat(process.exitValue()).as(err).isEqualTo(exitCode);
        assertThat(linesDone).isBetween(2L, (long) ROWS);
        assertThat(err).isEqualTo("payonator: interrupted after line " + linesDone + " of " + input
                + ", every row up to there stored in " + db + "; run the same command again to resume\n");
        assertThat(Files.readString(work.resolve("out.txt"))).isEmpty();

        Launcher.Run resumed = launcher.run(null, 5, input.toString(), "--db", db.toString(), "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo(uninterrupted.out());
    }

    private static void awaitFirstChunk(Process process, Path db) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (linesDone(db) == 0) {
            assertThat(process.isAlive()).as("the import is still running").isTrue();
            assertThat(System.nanoTime()).as("a chunk stored within 3 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A process started with a signal ignored (nohup, a background job of a script) keeps ignoring it. */
    private static boolean ignores(Process process, String signal) throws IOException {
        int number = signal.equals("INT") ? 2 : 15;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static long linesDone(Path db) throws SQLException {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(max(lines_done), 0) FROM import_source")) {
            return result.next() ? result.getLong(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }
}

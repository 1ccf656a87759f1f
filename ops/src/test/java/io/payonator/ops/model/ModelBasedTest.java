package io.payonator.ops.model;

import io.payonator.ops.testing.Backend;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.cli.RejectsReports;
import io.payonator.ops.fuzz.FuzzSeeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real engine, through the command line's entry point, against {@link ReferenceLedger} on random
 * streams where the rules collide ({@link CollidingStream}): the accounts byte for byte and the
 * rejects report row for row. Each stream runs with a random worker count, chunk size, report
 * page size and projection batch size; some are cut in two and imported one after the other into
 * one persistent ledger, which is then replayed from its events. On a mismatch the inputs are kept under
 * {@code target/model-failures/} and the seed is in the test's name.
 */
class ModelBasedTest {

    private static final long FIXED_SEED = 5_2026_11_24L;
    private static final int STREAMS = 24;
    /** Streams on PostgreSQL, each into a persistent ledger: a server round trip costs more than a file's. */
    private static final int POSTGRES_STREAMS = 8;
    private static final String CHUNK_ROWS = "payonator.import.chunk-rows";
    private static final String PAGE_ROWS = "payonator.reports.page-rows";
    private static final String PROJECTION_BATCH = "payonator.projection.batch-events";
    private static final String SNAPSHOT_EVENTS = "payonator.snapshots.every-events";

    @TempDir
    Path work;
    /** The persistent ledger of the current stream, as {@code --db} names it. */
    private String db;

    static LongStream streamSeeds() {
        return LongStream.of(FuzzSeeds.seeds("ModelBasedTest", FIXED_SEED, STREAMS));
    }

    static LongStream postgresStreamSeeds() {
        return LongStream.of(FuzzSeeds.seeds("ModelBasedTest.postgres", FIXED_SEED + 1, POSTGRES_STREAMS));
    }

    /** The streams of a build, without printing: for tests of the generator itself. */
    static long[] buildSeeds() {
        return FuzzSeeds.derive(FuzzSeeds.baseSeed(FIXED_SEED), FuzzSeeds.tries(STREAMS));
    }

    @AfterEach
    void restoreSizes() {
        System.clearProperty(CHUNK_ROWS);
        System.clearProperty(PAGE_ROWS);
        System.clearProperty(PROJECTION_BATCH);
        System.clearProperty(SNAPSHOT_EVENTS);
    }

    @ParameterizedTest(name = "stream seed {0}")
    @MethodSource("streamSeeds")
    void engineAgreesWithTheModel(long seed) throws Exception {
        db = Backend.SQLITE.newLedger(work);
        engineAgreesWithTheModel(seed, false);
    }

    @ParameterizedTest(name = "stream seed {0} on PostgreSQL")
    @MethodSource("postgresStreamSeeds")
    void engineAgreesWithTheModelOnPostgres(long seed) throws Exception {
        db = Backend.POSTGRESQL.newLedger(work);
        engineAgreesWithTheModel(seed, true);
    }

    private void engineAgreesWithTheModel(long seed, boolean alwaysPersistent) throws Exception {
        ModelRun run = ModelRun.draw(seed);
        List<Path> files = write(run.imports());
        ReferenceLedger model = new ReferenceLedger();
        for (Path file : files) {
            model.importSource(file.toString(), Files.readAllBytes(file));
        }
        System.out.println("ModelBasedTest " + run + "; model: " + ReasonCounts.of(model));
        System.setProperty(CHUNK_ROWS, run.chunkRows());
        System.setProperty(PAGE_ROWS, run.pageRows());
        System.setProperty(PROJECTION_BATCH, run.projectionBatch());
        System.setProperty(SNAPSHOT_EVENTS, run.snapshotEvents());
        Path rejects = work.resolve("rejects.csv");
        Cli.Result engine = importAll(files, run.workers(), rejects, alwaysPersistent);

        assertThat(engine.exitCode()).as(run + "\n" + engine.err()).isZero();
        List<String> engineRejects = RejectsReports.withoutDetail(Files.readAllLines(rejects, StandardCharsets.UTF_8));
        List<String> modelRejects = new ArrayList<>(List.of("source,line,reason"));
        model.rejects().forEach(reject -> modelRejects.add(reject.toString()));
        if (!engine.out().equals(model.accountsCsv()) || !engineRejects.equals(modelRejects)) {
            fail(keepFailure(seed, files) + "\n" + run + "\n"
                    + firstDifference("accounts", lines(model.accountsCsv()), lines(engine.out()), files)
                    + firstDifference("rejects", modelRejects, engineRejects, files));
        }
        if (files.size() > 1 || alwaysPersistent) {
            assertReplayAgrees(run, model);
        }
    }

    /** A persistent ledger rebuilt from its events alone still holds the model's accounts. */
    private void assertReplayAgrees(ModelRun run, ReferenceLedger model) {
        Cli.Result replay = Cli.run("replay", "--db", db);

        assertThat(replay.exitCode()).as(run + ": replay\n" + replay.err()).isZero();
        assertThat(replay.out()).as(run + ": replay").isEqualTo(model.accountsCsv());
    }

    /** One import into a temporary ledger, or several in turn into one persistent ledger (always on PostgreSQL). */
    private Cli.Result importAll(List<Path> files, int workers, Path rejects, boolean alwaysPersistent) {
        String[] options = {"--workers", Integer.toString(workers), "--rejects", rejects.toString()};
        if (files.size() == 1 && !alwaysPersistent) {
            return Cli.run(concat(new String[]{files.get(0).toString()}, options));
        }
        Cli.Result result = null;
        for (Path file : files) {
            result = Cli.run(concat(new String[]{file.toString(), "--db", db}, options));
            if (result.exitCode() != 0) {
                return result;
            }
        }
        return result;
    }

    private List<Path> write(List<byte[]> imports) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < imports.size(); i++) {
            files.add(Files.write(work.resolve("import-" + i + ".csv"), imports.get(i)));
        }
        return files;
    }

    private static String keepFailure(long seed, List<Path> files) throws IOException {
        Path kept = Path.of("target", "model-failures", Long.toString(seed)).toAbsolutePath();
        Files.createDirectories(kept);
        for (Path file : files) {
            Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return "engine and model disagree; inputs kept in " + kept
                + " (rerun: -D" + FuzzSeeds.TRY_PROPERTY + "=" + seed + ")";
    }

    /** The first line where the two differ, and the input row it is about. */
    private static String firstDifference(String what, List<String> model, List<String> engine, List<Path> files)
            throws IOException {
        for (int i = 0; i < Math.max(model.size(), engine.size()); i++) {
            String expected = i < model.size() ? model.get(i) : "(nothing)";
            String actual = i < engine.size() ? engine.get(i) : "(nothing)";
            if (!expected.equals(actual)) {
                return String.format("%s differ at line %d:%n  model:  %s%n  engine: %s%n%s", what, i + 1,
                        expected, actual, inputRow(expected, files) + inputRow(actual, files));
            }
        }
        return "";
    }

    /** For a rejects line {@code source,line,reason}: that line of the input, as text. */
    private static String inputRow(String rejectLine, List<Path> files) throws IOException {
        for (Path file : files) {
            if (rejectLine.startsWith(file + ",")) {
                long line = Long.parseLong(rejectLine.split(",")[rejectLine.split(",").length - 2]);
                List<String> lines = ReferenceLedger.lines(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                String text = line <= lines.size() ? lines.get((int) line - 1) : "(no such line)";
                return "  input " + file.getFileName() + ":" + line + ": "
                        + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\n";
            }
        }
        return "";
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

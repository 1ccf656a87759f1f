package io.payonator.ops.cli;

import io.payonator.ops.importer.ContentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real launcher, {@code ops/payonator}, as a child process: what an operator runs. */
class LauncherProcessIT {

    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"payonator-sample", "oliverevans96-invalid-csv-rows", "kprotty-test", "adam-bates-6"})
    void printsExactlyTheExpectedAccounts(String name) throws Exception {
        Path testCase = ConformanceCases.directory().resolve(name);
        Path rejects = work.resolve("rejects.csv");

        Launcher.Run run = launch(null, testCase.resolve("input.csv").toString(), "--rejects", rejects.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(testCase.resolve("expected.csv")));
        assertThat(ConformanceCases.linesAndReasons(rejects))
                .containsExactlyElementsOf(ConformanceCases.expectedRejects(testCase));
    }

    @Test
    void readsStandardInputAndExits() throws Exception {
        Path input = ConformanceCases.directory().resolve("tommilligan-spec-example");

        Launcher.Run run = launch(input.resolve("input.csv"), "-");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(input.resolve("expected.csv")));
        assertThat(run.err()).contains("rejected -:6: insufficient_funds");
    }

    /**
     * Issue 17, finding 5: every run printed internal figures (heap, catch-up positions, the tx-id
     * registry's size). Standard error of a real process is this run's rejections and one summary
     * line; a file imported before is skipped with one line that says why.
     */
    @Test
    void standardErrorIsTheRunsRejectionsAndASummaryLine() throws Exception {
        Path input = ConformanceCases.directory().resolve("payonator-sample/input.csv");
        Path db = work.resolve("ledger.db");

        Launcher.Run first = launch(null, input.toString(), "--db", db.toString());
        Launcher.Run again = launch(null, input.toString(), "--db", db.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(BadInputTest.withoutTime(first.err())).isEqualTo(""
                + "payonator: rejected " + input + ":6: insufficient_funds: the available funds of client 2 are less"
                + " than the amount\n"
                + "payonator: rejected " + input + ":11: not_disputed: deposit 6 is not under dispute\n"
                + "payonator: rejected " + input + ":15: negative_total: charging back deposit 6 would make the total"
                + " negative; the dispute stays open\n"
                + "payonator: 14 rows from " + input + " in T s: 11 applied, 3 rejected (insufficient_funds 1,"
                + " not_disputed 1, negative_total 1); 3 accounts touched; details: --rejects FILE\n");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(BadInputTest.withoutTime(again.err())).isEqualTo(""
                + "payonator: " + input + ": skipped: already imported into this ledger (as " + input + ", sha256 "
                + ContentId.of(input) + "); importing it again would apply its rows twice\n"
                + "payonator: 0 rows from " + input + " in T s: 0 applied, 0 rejected; 0 accounts touched\n");
        assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void missingFileExitsNonZeroWithAMessageAndNoOutput() throws Exception {
        Launcher.Run run = launch(null, work.resolve("absent.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("absent.csv: no such file");
    }

    /**
     * On JDK 25 and later the launcher starts from an AOT cache made by a training run; the JVM's
     * notes about that cache must stay off standard output, which is only the accounts CSV.
     */
    @Test
    void onAJdkFrom25OnStartsFromAnAotCacheAndPrintsOnlyTheCsv() throws Exception {
        Optional<Path> jdk = installedJdk(25);
        assumeTrue(jdk.isPresent(), "no JDK 25 or later installed under " + JVMS);
        Path testCase = ConformanceCases.directory().resolve("payonator-sample");

        Launcher.Run first = new Launcher(work, Map.of("JAVA_HOME", jdk.get().toString())).run(null, 5,
                testCase.resolve("input.csv").toString());
        Launcher.Run cached = new Launcher(work, Map.of("JAVA_HOME", jdk.get().toString())).run(null, 5,
                testCase.resolve("input.csv").toString());

        for (Launcher.Run run : List.of(first, cached)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(Files.readString(testCase.resolve("expected.csv")));
            assertThat(run.err()).doesNotContain("[error]", "could not make");
        }
        try (Stream<Path> app = Files.list(Path.of("target", "app"))) {
            assertThat(app.map(file -> file.getFileName().toString())).anyMatch(name -> name.endsWith(".aot"));
        }
    }

    /** A JDK of at least that feature version under {@link #JVMS}, read from its release file. */
    private static Optional<Path> installedJdk(int feature) throws IOException {
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(JVMS)) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && Files.isReadable(jdk.resolve("release")))
                    .filter(jdk -> featureVersion(jdk.resolve("release")) >= feature)
                    .findFirst();
        }
    }

    private static int featureVersion(Path release) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Launcher.Run launch(Path stdin, String... args) throws IOException, InterruptedException {
        return new Launcher(work, Map.of()).run(stdin, 5, args);
    }
}

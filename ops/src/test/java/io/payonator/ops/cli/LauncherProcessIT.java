package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real launcher, {@code ops/payonator}, as a child process: what an operator runs. */
class LauncherProcessIT {

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

    @Test
    void missingFileExitsNonZeroWithAMessageAndNoOutput() throws Exception {
        Launcher.Run run = launch(null, work.resolve("absent.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("absent.csv: no such file");
    }

    private Launcher.Run launch(Path stdin, String... args) throws IOException, InterruptedException {
        return new Launcher(work, Map.of()).run(stdin, 5, args);
    }
}

package io.payonator.ops.cli;

import org.junit.jupiter.api.io.TempDir;
import io.payonator.ops.testing.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conformance case, through the command line's own entry point, on every storage backend:
 * a temporary ledger (the default), and a persistent one on each backend. Accounts byte-exact,
 * rejects equal.
 */
class ConformanceTest {

    static Stream<Path> cases() {
        return ConformanceCases.all();
    }

    static Stream<Arguments> casesOnEveryBackend() {
        return ConformanceCases.all().flatMap(testCase -> Arrays.stream(Backend.values())
                .map(backend -> Arguments.of(testCase, backend)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesExpectedAccountsAndRejects(Path testCase, @TempDir Path work) throws IOException {
        assertMatches(testCase, work);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("casesOnEveryBackend")
    void matchesExpectedAccountsAndRejectsInAPersistentLedger(Path testCase, Backend backend, @TempDir Path work)
            throws IOException {
        assertMatches(testCase, work, "--db", backend.newLedger(work));
    }

    private static void assertMatches(Path testCase, Path work, String... options) throws IOException {
        Path rejects = work.resolve("rejects.csv");
        List<String> arguments = new ArrayList<>(List.of(testCase.resolve("input.csv").toString(),
                "--rejects", rejects.toString()));
        arguments.addAll(List.of(options));

        Cli.Result result = Cli.run(arguments.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(testCase.resolve("expected.csv")));
        assertThat(ConformanceCases.linesAndReasons(rejects))
                .containsExactlyElementsOf(ConformanceCases.expectedRejects(testCase));
    }
}

package io.payonator.ops.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every conformance case, through the command line's own entry point: accounts byte-exact, rejects equal. */
class ConformanceTest {

    static Stream<Path> cases() {
        return ConformanceCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesExpectedAccountsAndRejects(Path testCase, @TempDir Path work) throws IOException {
        Path rejects = work.resolve("rejects.csv");

        Cli.Result result = Cli.run(testCase.resolve("input.csv").toString(), "--rejects", rejects.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(testCase.resolve("expected.csv")));
        assertThat(ConformanceCases.linesAndReasons(rejects))
                .containsExactlyElementsOf(ConformanceCases.expectedRejects(testCase));
    }
}

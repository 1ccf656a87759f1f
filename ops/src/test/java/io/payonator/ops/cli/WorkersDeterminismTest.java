package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC.md: the same input gives byte-identical output whatever the number of workers. */
class WorkersDeterminismTest {

    @TempDir
    Path work;

    @Test
    void oneAndFourWorkersGiveIdenticalAccountsAndRejects() throws IOException {
        Cli.Result generated = Cli.run("generate", "6000", "--clients", "60", "--seed", "42", "--malformed", "0.02");
        assertThat(generated.exitCode()).isZero();
        Path input = Files.writeString(work.resolve("generated.csv"), generated.out());

        Cli.Result one = importWith(input, 1);
        Cli.Result four = importWith(input, 4);

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(four.exitCode()).as(four.err()).isZero();
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(work.resolve("rejects-4.csv")).hasSameBinaryContentAs(work.resolve("rejects-1.csv"));
        // the stream exercises every outcome, so the comparison means something
        String rejects = Files.readString(work.resolve("rejects-1.csv"));
        assertThat(rejects).contains("malformed", "invalid_amount", "duplicate_tx", "insufficient_funds",
                "unknown_tx", "not_disputed", "account_locked");
        assertThat(one.out()).contains("true").contains("false");
    }

    private Cli.Result importWith(Path input, int workers) {
        return Cli.run(input.toString(), "--workers", Integer.toString(workers),
                "--rejects", work.resolve("rejects-" + workers + ".csv").toString());
    }
}

package io.payonator.ops.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC.md: the same input gives byte-identical output whatever the number of workers. Compared
 * against the slow path (one row per command and unit of work) with every worker count and a
 * chunk size that splits the input many times; the reports are read in pages of every size.
 */
class WorkersDeterminismTest {

    private static final String CHUNK_ROWS = "payonator.import.chunk-rows";
    private static final String PAGE_ROWS = "payonator.reports.page-rows";

    @TempDir
    Path work;

    @AfterEach
    void restoreChunkSize() {
        System.clearProperty(CHUNK_ROWS);
        System.clearProperty(PAGE_ROWS);
    }

    @Test
    void everyWorkerCountAndChunkSizeGivesTheSlowPathsOutput() throws IOException {
        Cli.Result generated = Cli.run("generate", "6000", "--clients", "60", "--seed", "42", "--malformed", "0.02");
        assertThat(generated.exitCode()).isZero();
        Path input = Files.writeString(work.resolve("generated.csv"), generated.out());

        System.setProperty(CHUNK_ROWS, "1");
        Cli.Result slowPath = importWith(input, 1, "slow");
        assertThat(slowPath.exitCode()).as(slowPath.err()).isZero();
        // the stream exercises every outcome, so the comparison means something
        assertThat(Files.readString(work.resolve("rejects-slow.csv"))).contains("malformed", "invalid_amount",
                "duplicate_tx", "insufficient_funds", "unknown_tx", "not_disputed", "already_disputed",
                "account_locked");
        assertThat(slowPath.out()).contains("true").contains("false");

        // the batched runs also read the rejects report in small pages
        System.setProperty(PAGE_ROWS, "37");
        for (String chunkRows : new String[]{"700", "65536"}) {
            System.setProperty(CHUNK_ROWS, chunkRows);
            for (int workers : new int[]{1, 2, 4, 8}) {
                String label = workers + "-" + chunkRows;
                Cli.Result batched = importWith(input, workers, label);
                assertThat(batched.exitCode()).as(batched.err()).isZero();
                assertThat(batched.out()).as(label).isEqualTo(slowPath.out());
                assertThat(work.resolve("rejects-" + label + ".csv")).as(label)
                        .hasSameBinaryContentAs(work.resolve("rejects-slow.csv"));
            }
        }
    }

    private Cli.Result importWith(Path input, int workers, String label) {
        return Cli.run(input.toString(), "--workers", Integer.toString(workers),
                "--rejects", work.resolve("rejects-" + label + ".csv").toString());
    }
}

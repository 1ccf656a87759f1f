package io.payonator.ops.fuzz;

import io.payonator.ops.cli.Cli;
import io.payonator.ops.cli.RejectsReports;
import io.payonator.ops.generate.TransactionGenerator;
import io.payonator.ops.model.CollidingStream;
import io.payonator.ops.model.ReferenceLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Valid files broken at the byte level ({@link Mutations}), imported through the command line into
 * a persistent ledger: the import ends in time, exits 0 when the header is usable (3 with nothing
 * written when it is not), every row is accounted for exactly once (rows in the input = outcome
 * events of accepted rows in the event store + rows in the rejects report), and the accounts and
 * rejects are those the reference model gives for the same bytes.
 */
class HostileInputTest {

    private static final long FIXED_SEED = 5_0451L;
    private static final int TRIES = 30;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(90);
    private static final int[] WORKERS = {1, 2, 4};

    @TempDir
    Path work;

    static LongStream mutationSeeds() {
        return LongStream.of(FuzzSeeds.seeds("HostileInputTest", FIXED_SEED, TRIES));
    }

    @ParameterizedTest(name = "mutation seed {0}")
    @MethodSource("mutationSeeds")
    void everyRowIsAccountedForExactlyOnce(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Mutations.Mutated mutated = Mutations.apply(validFile(random), random, 1 + random.nextInt(4));
        Path input = Files.write(work.resolve("input.csv"), mutated.bytes());
        Path db = work.resolve("ledger.db");
        Path rejects = work.resolve("rejects.csv");
        String workers = Integer.toString(WORKERS[random.nextInt(WORKERS.length)]);
        String run = "seed " + seed + ", " + mutated.bytes().length + " bytes, " + workers + " workers, "
                + mutated.applied();

        Cli.Result result = assertTimeoutPreemptively(TIME_LIMIT, () -> Cli.run(input.toString(), "--db", db.toString(),
                "--rejects", rejects.toString(), "--workers", workers), run);

        ReferenceLedger model = new ReferenceLedger();
        try {
            model.importSource(input.toString(), mutated.bytes());
        } catch (ReferenceLedger.UnreadableInput unusableHeader) {
            System.out.println("HostileInputTest " + run + ": no usable header");
            assertThat(result.exitCode()).as(run + "\n" + result.err()).isEqualTo(3);
            assertThat(result.out()).as(run).isEmpty();
            assertThat(db).as(run).doesNotExist();
            assertThat(rejects).as(run).doesNotExist();
            return;
        }
        assertThat(result.exitCode()).as(run + "\n" + result.err()).isZero();
        long rows = rowsIn(mutated.bytes());
        long accepted = LedgerEvents.accepted(db);
        List<String> reported = RejectsReports.withoutDetail(Files.readAllLines(rejects, StandardCharsets.UTF_8));
        System.out.printf("HostileInputTest %s: %d rows = %d accepted + %d reported%n", run, rows, accepted,
                reported.size() - 1);

        assertThat(accepted + reported.size() - 1).as(run + ": rows accepted + rows reported").isEqualTo(rows);
        assertThat(LedgerEvents.refused(db)).as(run + ": refusals in the event store").isEqualTo(reported.size() - 1);
        assertThat(result.out()).as(run).isEqualTo(model.accountsCsv());
        assertThat(reported.subList(1, reported.size())).as(run)
                .containsExactlyElementsOf(model.rejects().stream().map(Object::toString).toList());
    }

    @Test
    void anEmptyFileChangesNothing() throws Exception {
        Path db = work.resolve("ledger.db");
        Path rejects = work.resolve("rejects.csv");

        Cli.Result result = Cli.run(Files.write(work.resolve("empty.csv"), new byte[0]).toString(),
                "--db", db.toString(), "--rejects", rejects.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("no header");
        assertThat(result.out()).isEmpty();
        assertThat(db).doesNotExist();
        assertThat(rejects).doesNotExist();
    }

    @Test
    void aHeaderAloneImportsNothing() throws Exception {
        Path rejects = work.resolve("rejects.csv");

        Cli.Result result = Cli.run(Files.writeString(work.resolve("header.csv"), "type,client,tx,amount").toString(),
                "--rejects", rejects.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("client,available,held,total,locked\n");
        assertThat(Files.readAllLines(rejects)).containsExactly(RejectsReports.HEADER);
    }

    /**
     * A 1 GiB line on standard input, never materialised: a reader that kept it would need 2 GiB of
     * heap for its characters alone; the heap in use stays far below that.
     */
    @Test
    void aLineOfAGibibyteOnStandardInputIsReportedWithinABoundedHeap() throws Exception {
        Path rejects = work.resolve("rejects.csv");
        GeneratedInput input = new GeneratedInput(HostileBytes.utf8("type,client,tx,amount\ndeposit,1,1,5\ndeposit,1,2,"),
                1L << 30, HostileBytes.utf8("\ndeposit,1,3,7\n"));

        HeapPeak peak = HeapPeak.start();
        Cli.Result result = assertTimeoutPreemptively(TIME_LIMIT,
                () -> Cli.runWithInput(input, "-", "--rejects", rejects.toString()));
        long peakBytes = peak.stop();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("client,available,held,total,locked\n1,12.0000,0.0000,12.0000,false\n");
        assertThat(Files.readAllLines(rejects)).containsExactly(RejectsReports.HEADER,
                "-,3,malformed,line is longer than 1024 characters");
        System.out.printf("HostileInputTest: %d-byte input through standard input, heap in use peaked at %d MiB%n",
                input.length(), peakBytes >> 20);
        assertThat(peakBytes).as("peak heap in use, bytes").isLessThan(1L << 30);
    }

    /** A valid file: the generator's realistic rows, or the model test's colliding ones. */
    private static byte[] validFile(SplittableRandom random) throws Exception {
        int rows = 50 + random.nextInt(1_500);
        if (random.nextBoolean()) {
            return CollidingStream.generate(random.nextLong(), rows);
        }
        StringWriter out = new StringWriter();
        new TransactionGenerator(random.nextLong(), 1 + random.nextInt(50), 0.02).write(rows, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SPEC.md's rows: the lines after the header that are not empty or only spaces and tabs. */
    private static long rowsIn(byte[] bytes) {
        List<String> lines = new ArrayList<>(ReferenceLedger.lines(new String(bytes, StandardCharsets.UTF_8)));
        int header = 0;
        while (ReferenceLedger.isBlank(lines.get(header))) {
            header++;
        }
        return lines.subList(header + 1, lines.size()).stream().filter(line -> !ReferenceLedger.isBlank(line)).count();
    }
}

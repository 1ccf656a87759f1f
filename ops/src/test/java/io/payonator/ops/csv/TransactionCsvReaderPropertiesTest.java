package io.payonator.ops.csv;

import io.payonator.ops.fuzz.FuzzSeeds;
import io.payonator.ops.fuzz.GeneratedInput;
import io.payonator.ops.fuzz.HostileBytes;
import io.payonator.ops.model.ReferenceLedger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Properties of the reader over random hostile bytes, judged by the reference model's reading of
 * SPEC.md (lines, trimming, the length limit): whatever follows a valid header, every non-blank line
 * comes out once, in order, with its line number, however the stream hands the bytes over; a failing
 * stream fails with its IOException; a line far beyond the limit is read past without being kept.
 */
class TransactionCsvReaderPropertiesTest {

    private static final long FIXED_SEED = 51_1024L;
    private static final int TRIES = 600;

    @Test
    void anyBytesAfterAValidHeaderAreReadAsTheModelSplitsThem() throws Exception {
        for (long seed : FuzzSeeds.seeds("reader: bytes after a valid header", FIXED_SEED, TRIES)) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] input = HostileBytes.concat(HostileBytes.header(random),
                    HostileBytes.junk(random, random.nextInt(400), TransactionCsvReader.MAX_LINE_LENGTH));
            List<String> expected = expectedRows(input);

            assertThat(read(input, new ByteArrayInputStream(input))).as("seed %d", seed).isEqualTo(expected);
            assertThat(read(input, trickling(input, random))).as("seed %d, trickled", seed).isEqualTo(expected);
        }
    }

    @Test
    void anyBytesAtAllAreRefusedOrReadAsTheModelDoes() throws Exception {
        int opened = 0;
        for (long seed : FuzzSeeds.seeds("reader: any bytes", FIXED_SEED + 1, TRIES)) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] input = HostileBytes.concat(headerOrNot(random),
                    HostileBytes.junk(random, random.nextInt(60), TransactionCsvReader.MAX_LINE_LENGTH));
            if (modelRefuses(input)) {
                assertThatThrownBy(() -> read(input, new ByteArrayInputStream(input))).as("seed %d", seed)
                        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("no header");
            } else {
                opened++;
                assertThat(read(input, trickling(input, random))).as("seed %d", seed).isEqualTo(expectedRows(input));
            }
        }
        System.out.printf("reader: any bytes: %d opened, %d refused%n", opened, TRIES * FuzzSeeds.tries(1) - opened);
        // both sides of the property were tried
        assertThat(opened).isBetween(1, TRIES * FuzzSeeds.tries(1) - 1);
    }

    @Test
    void aStreamThatFailsMidwayFailsWithItsIOExceptionAfterTheRowsBeforeIt() throws Exception {
        for (long seed : FuzzSeeds.seeds("reader: failing stream", FIXED_SEED + 2, TRIES / 3)) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] input = HostileBytes.concat(HostileBytes.utf8("type,client,tx,amount\n"),
                    HostileBytes.junk(random, 1 + random.nextInt(300), TransactionCsvReader.MAX_LINE_LENGTH));
            int failAt = 22 + random.nextInt(input.length - 21);
            List<String> rows = new ArrayList<>();

            assertThatThrownBy(() -> readInto(rows, failingAfter(input, failAt))).as("seed %d", seed)
                    .isInstanceOf(IOException.class).hasMessage("disk gone");
            List<String> expected = expectedRows(input);
            assertThat(rows.size()).as("seed %d", seed).isLessThanOrEqualTo(expected.size());
            assertThat(rows).as("seed %d", seed).isEqualTo(expected.subList(0, rows.size()));
        }
    }

    /**
     * A 256 MiB line is never kept: a reader that kept it would allocate at least twice its length
     * in characters; this one allocates its buffers and a little short-lived garbage per 64 KiB read
     * (the decoder wraps each read's buffer), some 2 MiB in all.
     */
    @Test
    void aHugeLineIsReadPastWithoutBeingKept() throws Exception {
        long lineLength = 256L << 20;
        InputStream input = new GeneratedInput(HostileBytes.utf8("type,client,tx,amount\ndeposit,1,1,"), lineLength,
                HostileBytes.utf8("\ndeposit,1,2,5\n"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        List<String> rows = new ArrayList<>();
        readInto(rows, input);

        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        System.out.printf("reader: a %d-byte line read past, %d KiB allocated%n", lineLength, allocated >> 10);
        assertThat(rows).containsExactly("2:<too long>", "3:deposit,1,2,5");
        assertThat(allocated).as("bytes allocated while reading a %d-byte line", lineLength)
                .isLessThan(lineLength / 16);
    }

    /** Junk, a valid header, or a valid header with a piece of junk somewhere in it. */
    private static byte[] headerOrNot(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> HostileBytes.junk(random, random.nextInt(5), TransactionCsvReader.MAX_LINE_LENGTH);
            case 1 -> HostileBytes.header(random);
            default -> {
                byte[] header = HostileBytes.header(random);
                int at = random.nextInt(header.length + 1);
                yield HostileBytes.concat(java.util.Arrays.copyOf(header, at), HostileBytes.junk(random, 1, 40),
                        java.util.Arrays.copyOfRange(header, at, header.length));
            }
        };
    }

    /** What SPEC.md's reading (as the model does it) gives for each row after the header. */
    private static List<String> expectedRows(byte[] input) {
        List<String> lines = ReferenceLedger.lines(new String(input, StandardCharsets.UTF_8));
        int header = 0;
        while (ReferenceLedger.isBlank(lines.get(header))) {
            header++;
        }
        List<String> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!ReferenceLedger.isBlank(line)) {
                rows.add((i + 1) + ":" + (line.length() > TransactionCsvReader.MAX_LINE_LENGTH
                        ? "<too long>" : String.join(",", ReferenceLedger.fields(line))));
            }
        }
        return rows;
    }

    private static boolean modelRefuses(byte[] input) {
        try {
            new ReferenceLedger().importSource("in.csv", input);
            return false;
        } catch (ReferenceLedger.UnreadableInput e) {
            return true;
        }
    }

    private static List<String> read(byte[] input, InputStream stream) throws Exception {
        List<String> rows = new ArrayList<>();
        readInto(rows, stream);
        return rows;
    }

    /** The rows as {@code line:fields}; fields never hold a comma, so joining them with one is exact. */
    private static void readInto(List<String> rows, InputStream stream) throws IOException, UnreadableInputException {
        long previous = 0;
        try (TransactionCsvReader reader = TransactionCsvReader.open("in.csv", stream)) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                if (row.origin().line() <= previous) {
                    fail("line numbers must increase: " + row.origin().line() + " after " + previous);
                }
                previous = row.origin().line();
                rows.add(row.origin().line() + ":" + (row.fault() != null ? "<too long>" : String.join(",", row.fields())));
            }
        }
    }

    /** Hands the bytes over a few at a time, so lines, CRLFs and UTF-8 sequences straddle reads. */
    private static InputStream trickling(byte[] input, SplittableRandom random) {
        long seed = random.nextLong();
        return new FilterInputStream(new ByteArrayInputStream(input)) {
            private final SplittableRandom sizes = new SplittableRandom(seed);

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1 + sizes.nextInt(7)));
            }
        };
    }

    private static InputStream failingAfter(byte[] input, int failAt) {
        return new FilterInputStream(new ByteArrayInputStream(input, 0, failAt)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read < 0) {
                    throw new IOException("disk gone");
                }
                return read;
            }
        };
    }
}

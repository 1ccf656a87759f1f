package io.payonator.ops.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One try of the model-based test, all drawn from its seed: the stream, how the engine runs it
 * (workers, rows per chunk, rows per page of the rejects report, events per projection batch: small
 * batches put a client's events in many batches, whose net changes add up to the balances, events per
 * client snapshot: frequent snapshots make the later import of a cut stream restore its clients from
 * snapshots, which recall old deposits from the stored ones), and whether it is imported whole or cut
 * in two imports into one ledger.
 */
record ModelRun(long seed, int rows, int workers, String chunkRows, List<byte[]> imports, String pageRows,
                String projectionBatch, String snapshotEvents) {

    private static final int[] WORKERS = {1, 2, 3, 4, 8};

    static ModelRun draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 1_000 + random.nextInt(4_001);
        byte[] input = CollidingStream.generate(random.nextLong(), rows);
        int workers = WORKERS[random.nextInt(WORKERS.length)];
        String chunkRows = random.nextBoolean() ? "65536" : Integer.toString(1 + random.nextInt(500));
        List<byte[]> imports = random.nextInt(4) == 0 ? cutInTwo(input) : List.of(input);
        String pageRows = random.nextBoolean() ? "10000" : Integer.toString(1 + random.nextInt(300));
        String projectionBatch = random.nextBoolean() ? "10000" : Integer.toString(1 + random.nextInt(64));
        // drawn last, so that the draws before it stay what they were for a seed
        String snapshotEvents = random.nextBoolean() ? "1000" : Integer.toString(1 + random.nextInt(20));
        return new ModelRun(seed, rows, workers, chunkRows, imports, pageRows, projectionBatch, snapshotEvents);
    }

    /** The stream cut at a line end in its middle; the second part gets its own header. */
    private static List<byte[]> cutInTwo(byte[] input) {
        int cut = input.length / 2;
        while (cut < input.length && input[cut] != '\n' && input[cut] != '\r') {
            cut++;
        }
        if (cut < input.length - 1 && input[cut] == '\r' && input[cut + 1] == '\n') {
            cut++;
        }
        cut = Math.min(cut + 1, input.length);
        byte[] header = "type,client,tx,amount\n".getBytes(StandardCharsets.UTF_8);
        byte[] rest = Arrays.copyOfRange(input, cut, input.length);
        byte[] second = Arrays.copyOf(header, header.length + rest.length);
        System.arraycopy(rest, 0, second, header.length, rest.length);
        return List.of(Arrays.copyOf(input, cut), second);
    }

    @Override
    public String toString() {
        return String.format("seed %d: %d rows, %d import(s), %d workers, chunks of %s rows, report pages of %s rows,"
                + " projection batches of %s events, snapshots every %s events", seed, rows, imports.size(), workers,
                chunkRows, pageRows, projectionBatch, snapshotEvents);
    }
}

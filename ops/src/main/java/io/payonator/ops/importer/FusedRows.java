package io.payonator.ops.importer;

import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.csv.TransactionCsvReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Several sources fused into one stream of rows, each read by its own thread (SPEC.md: the caller
 * guarantees each client's rows are in order across them). Rows of one source keep their order;
 * rows of different sources interleave in arrival order. A resumed source's rows up to the line
 * where its earlier import stopped are read past, not returned.
 */
final class FusedRows implements AutoCloseable {

    /** A source, and the last line of it already imported (0 for none). */
    record Input(TransactionCsvReader reader, long skipThroughLine) {
    }

    private static final int CHUNK = 512;
    /** How often a reader waiting for rows (standard input may have none for a long time) looks at the stop. */
    private static final long STOP_POLL_MILLIS = 100;

    /** A chunk of one source's rows; an empty chunk marks the end of a source. */
    private record Chunk(List<CsvRow> rows, IOException failure) {
    }

    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(64);
    private final List<Thread> readers = new ArrayList<>();
    private final ImportStop stop;
    private int open;
    private List<CsvRow> current = List.of();
    private int position;

    FusedRows(List<Input> sources, ImportStop stop) {
        this.stop = stop;
        for (Input source : sources) {
            Thread reader = new Thread(() -> read(source.reader(), source.skipThroughLine()), "read-" + source.reader().source());
            readers.add(reader);
            reader.start();
            open++;
        }
    }

    /** The next row of any source, or {@code null} when every source is exhausted or the import is to stop. */
    CsvRow next() throws IOException, InterruptedException {
        if (stop.requested()) {
            return null;
        }
        while (position == current.size()) {
            if (open == 0) {
                return null;
            }
            Chunk chunk = chunks.poll(STOP_POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (chunk == null) {
                if (stop.requested()) {
                    return null;
                }
                continue;
            }
            if (chunk.failure() != null) {
                throw chunk.failure();
            }
            if (chunk.rows().isEmpty()) {
                open--;
            }
            current = chunk.rows();
            position = 0;
        }
        return current.get(position++);
    }

    private void read(TransactionCsvReader source, long skipThroughLine) {
        try {
            List<CsvRow> rows = new ArrayList<>(CHUNK);
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                if (row.origin().line() <= skipThroughLine) {
                    continue;
                }
                rows.add(row);
                if (rows.size() == CHUNK) {
                    chunks.put(new Chunk(rows, null));
                    rows = new ArrayList<>(CHUNK);
                }
            }
            if (!rows.isEmpty()) {
                chunks.put(new Chunk(rows, null));
            }
            chunks.put(new Chunk(List.of(), null));
        } catch (IOException e) {
            putFailure(new IOException(source.source() + ": read failed: " + e.getMessage(), e));
        } catch (UncheckedIOException e) {
            putFailure(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putFailure(IOException failure) {
        try {
            chunks.put(new Chunk(List.of(), failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        readers.forEach(Thread::interrupt);
    }
}

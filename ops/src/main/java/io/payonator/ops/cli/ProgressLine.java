package io.payonator.ops.cli;

import io.payonator.ops.importer.ImportMeter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A line on standard error every few seconds while an import runs: rows read, rows per second,
 * and, when the inputs are files, how much of them is read and an estimate of the time left.
 */
final class ProgressLine implements AutoCloseable {

    private static final long EVERY_SECONDS = 5;

    private final ImportMeter meter = new ImportMeter();
    private final AtomicLong bytesRead = new AtomicLong();
    private final PrintStream err;
    private long totalBytes;
    private boolean sizeKnown = true;
    private long start;
    private ScheduledExecutorService timer;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    ImportMeter meter() {
        return meter;
    }

    /** The source's stream, counted; its size adds to the total when known. */
    InputStream counted(InputStream source, long size) {
        if (size < 0) {
            sizeKnown = false;
        } else {
            totalBytes += size;
        }
        return new FilterInputStream(source) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    bytesRead.incrementAndGet();
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    bytesRead.addAndGet(read);
                }
                return read;
            }
        };
    }

    void start() {
        start = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::print, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void print() {
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = meter.rowsStored();
        long read = meter.rowsRead();
        StringBuilder line = new StringBuilder(String.format(Console.PREFIX + "progress: %,d rows stored, %,.0f rows/s (%,d read",
                stored, stored / seconds, read));
        double fractionRead = sizeKnown && totalBytes > 0 ? Math.min(1.0, bytesRead.get() / (double) totalBytes) : 0;
        if (fractionRead > 0) {
            line.append(String.format(", %.0f%% of %,.1f MB", fractionRead * 100, totalBytes / 1e6));
        }
        line.append(')');
        if (fractionRead > 0 && stored > 0) {
            // the rows of the whole input, estimated from the share of its bytes read so far
            double rowsLeft = Math.max(0, read / fractionRead - stored);
            line.append(String.format(", about %,.0f s left", rowsLeft / (stored / seconds)));
        }
        err.println(line);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

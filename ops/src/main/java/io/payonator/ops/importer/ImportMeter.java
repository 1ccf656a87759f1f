package io.payonator.ops.importer;

import java.util.concurrent.atomic.AtomicLong;

/** How many rows an import has read and stored so far, for a progress line; read from any thread. */
public final class ImportMeter {

    /** Reads are published every so many rows, not each one: the reading thread is the import's bottleneck. */
    static final int PUBLISH_EVERY = 1024;

    private volatile long rowsRead;
    private final AtomicLong rowsStored = new AtomicLong();

    /** Rows read and admitted, ahead of the stored ones by the chunks in flight. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows whose outcomes are committed to the ledger. */
    public long rowsStored() {
        return rowsStored.get();
    }

    void read(long rows) {
        rowsRead = rows;
    }

    void stored(long rows) {
        rowsStored.addAndGet(rows);
    }
}

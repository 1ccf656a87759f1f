package io.payonator.ops.importer;

/**
 * Asks a running import to stop early (the operator pressed Ctrl-C, or the process got SIGTERM):
 * it reads no further row, stores the rows it has read, with how far they reach, and returns.
 */
public final class ImportStop {

    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}

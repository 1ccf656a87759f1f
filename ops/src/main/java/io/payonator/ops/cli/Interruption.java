package io.payonator.ops.cli;

import io.payonator.ops.importer.ImportStop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM while an import runs. The JVM runs its shutdown hooks and then exits
 * with 130 or 143; this hook asks the import to stop, and holds the exit until the import has
 * stored the rows it read and the command has said how far it got (or, at most, {@link #WAIT_SECONDS}).
 * Once the import is over the hook no longer waits: everything read is stored by then.
 */
final class Interruption implements AutoCloseable {

    /** Far above storing one chunk of rows, or starting the ledger. */
    static final long WAIT_SECONDS = 60;

    private final ImportStop stop = new ImportStop();
    private final CountDownLatch told = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "payonator-interrupt");
    private volatile Runnable lateNotice;

    private Interruption() {
    }

    static Interruption arm() {
        Interruption interruption = new Interruption();
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    ImportStop stop() {
        return stop;
    }

    /**
     * The import has read its input to the end and stored it: a signal from now on ends the process
     * at once, after {@code lateNotice} says what was done and what was not.
     */
    void importOver(Runnable lateNotice) {
        this.lateNotice = lateNotice;
        told.countDown();
    }

    private void onSignal() {
        stop.request();
        try {
            told.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runnable notice = lateNotice;
        if (notice != null) {
            notice.run();
        }
    }

    /** Lets the process exit: the import is over, and the command has said what it has to say about it. */
    @Override
    public void close() {
        told.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run: it returns now that the latch is open
        }
    }
}

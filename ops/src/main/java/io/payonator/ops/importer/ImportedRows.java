package io.payonator.ops.importer;

import io.payonator.api.command.ClientCommand;
import io.payonator.api.event.RowMalformed;

/**
 * Where the import job hands its rows, in input order, to be decided and stored in chunks with the
 * marks of how far they reach: local workers ({@link ClientWorkers}), or the clients' owners in a
 * cluster ({@link ClusterChunks}).
 */
interface ImportedRows extends AutoCloseable {

    /** Marks a malformed row whose client field names no valid client. */
    int NO_CLIENT = -1;

    /** Adds a well-formed row; blocks while the rows before it are being stored. */
    void submit(ClientCommand command) throws InterruptedException;

    /** Records a malformed row with the chunk it was read in; {@code client} is what its client field names. */
    void submit(RowMalformed malformed, int client) throws InterruptedException;

    /**
     * Applies and stores everything submitted, with marks saying whether the input has ended (or
     * the import stops before its end), and waits until it is stored.
     */
    void finish(boolean inputEnded) throws InterruptedException;

    @Override
    void close();
}

package io.payonator.ops.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the shared storage code asks of the backend a ledger is on; each backend's configuration
 * package ({@code ledger.sqlite}, {@code ledger.postgres}) provides one as a bean.
 */
public interface StorageBackend {

    /** A connection of the import's own, for the transactions of its chunks ({@link ImportTransactions}). */
    Connection openConnection() throws SQLException;

    /** Begins a chunk's transaction on the import's connection, claiming whatever lets it write. */
    void beginChunk(Connection connection) throws SQLException;

    /** Another writer holds the ledger for now: waiting and trying again can succeed. */
    boolean isBusy(Throwable failure);

    /** What a storage failure means, in an operator's words. */
    String describe(Throwable failure);

    /**
     * Runs in the appending transaction before events are inserted, so that positions are handed
     * out in commit order: an event never appears below a position already read.
     */
    void beforeAppend(Connection connection) throws SQLException;
}

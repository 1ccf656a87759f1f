package io.payonator.ops.ledger;

import io.payonator.ops.ledger.sqlite.SqliteBackend;
import io.payonator.ops.ledger.sqlite.SqliteFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A chunk's writes commit together or not at all, on a real SQLite file, also when SQLite rolls
 * the transaction back by itself: a full disk must not let a later worker's write slip out on its
 * own, stored without the chunk's progress marks.
 */
class ChunkTransactionTest {

    private static final int PAGE_LIMIT = 64;

    @TempDir
    Path work;
    private String url;
    private ImportTransactions transactions;

    @BeforeEach
    void createLedger() throws SQLException {
        url = "jdbc:sqlite:" + work.resolve("ledger.db");
        try (Connection connection = DriverManager.getConnection(url + "?journal_mode=WAL");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE import_source (content_id TEXT PRIMARY KEY)");
            statement.execute("CREATE TABLE event (payload BLOB NOT NULL)");
        }
        transactions = new ImportTransactions(new SqliteBackend(url + "?journal_mode=WAL&max_page_count=" + PAGE_LIMIT,
                "PRAGMA wal_autocheckpoint=50000", 1000), 1);
    }

    @AfterEach
    void close() throws SQLException {
        transactions.close();
    }

    @Test
    void theWritesOfCommittedChunksAreStoredInOrder() throws Exception {
        ChunkTransaction first = transactions.next();
        ChunkTransaction second = transactions.next();

        first.write(connection -> insert(connection, 10));
        first.commit(connection -> insert(connection, 20));
        second.commit(connection -> insert(connection, 30));

        assertThat(storedPayloadSizes()).containsExactly(10, 20, 30);
    }

    @Test
    void aRolledBackChunkStoresNothingAndTheChunksAfterItAreRefused() throws Exception {
        ChunkTransaction first = transactions.next();
        ChunkTransaction second = transactions.next();
        first.write(connection -> insert(connection, 10));

        first.rollback();

        assertThatThrownBy(() -> second.write(connection -> insert(connection, 20)))
                .isInstanceOf(ChunkTransaction.ChunkNotStoredException.class);
        assertThat(storedPayloadSizes()).isEmpty();
    }

    @Test
    void afterAFullDiskNoLaterWriteOfTheChunkIsStored() throws Exception {
        ChunkTransaction chunk = transactions.next();
        chunk.write(connection -> insert(connection, 100));

        assertThatThrownBy(() -> chunk.write(connection -> insert(connection, PAGE_LIMIT * 4096)))
                .isInstanceOf(SQLException.class)
                .satisfies(full -> assertThat(SqliteFailures.describe(full)).contains("full"));
        assertThatThrownBy(() -> chunk.write(connection -> insert(connection, 200)))
                .isInstanceOf(ChunkTransaction.ChunkNotStoredException.class)
                .hasMessageContaining("an earlier write of this chunk");
        assertThatThrownBy(() -> chunk.commit(connection -> insert(connection, 300)))
                .isInstanceOf(ChunkTransaction.ChunkNotStoredException.class);
        chunk.rollback();

        assertThat(storedPayloadSizes()).isEmpty();
    }

    @Test
    void theNextImportAfterAFailedChunkStartsOnAFreshTransaction() throws Exception {
        ChunkTransaction failed = transactions.next();
        assertThatThrownBy(() -> failed.write(connection -> insert(connection, PAGE_LIMIT * 4096)))
                .isInstanceOf(SQLException.class);
        failed.rollback();

        try (ImportTransactions again = new ImportTransactions(new SqliteBackend(url, "PRAGMA wal_autocheckpoint=50000", 1000), 1)) {
            ChunkTransaction next = again.next();
            next.write(connection -> insert(connection, 10));
            next.commit(connection -> insert(connection, 20));
        }

        assertThat(storedPayloadSizes()).containsExactly(10, 20);
    }

    private static int insert(Connection connection, int bytes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO event (payload) VALUES (?)")) {
            statement.setBytes(1, new byte[bytes]);
            return statement.executeUpdate();
        }
    }

    private List<Integer> storedPayloadSizes() throws SQLException {
        List<Integer> sizes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT length(payload) FROM event ORDER BY rowid")) {
            while (result.next()) {
                sizes.add(result.getInt(1));
            }
        }
        return sizes;
    }
}

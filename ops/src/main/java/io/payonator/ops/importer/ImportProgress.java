package io.payonator.ops.importer;

import io.payonator.api.command.ImportPart;
import io.payonator.ops.ledger.ChunkTransaction;
import io.payonator.ops.ledger.ImportTransactions;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ledger's record of how far each source was imported (table {@code import_source}). */
@Component
public class ImportProgress {

    /** A source's progress: every row up to {@code linesDone} is stored; {@code complete} once its end was. */
    public record Mark(String contentId, String name, long linesDone, boolean complete) {
    }

    private static final String UPSERT = """
            INSERT INTO import_source (content_sha256, name, lines_done, complete, updated)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (content_sha256) DO UPDATE SET name = excluded.name, lines_done = excluded.lines_done,
                complete = excluded.complete, updated = excluded.updated""";

    private static final String UPSERT_CLIENT = """
            INSERT INTO import_client_mark (content_sha256, client, lines_done) VALUES (?, ?, ?)
            ON CONFLICT (content_sha256, client) DO UPDATE SET lines_done = excluded.lines_done
            WHERE excluded.lines_done > import_client_mark.lines_done""";

    private final ImportTransactions transactions;

    ImportProgress(ImportTransactions transactions) {
        this.transactions = transactions;
    }

    public Optional<Mark> find(String contentId) {
        try {
            return transactions.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT name, lines_done, complete FROM import_source WHERE content_sha256 = ?")) {
                    query.setString(1, contentId);
                    try (ResultSet row = query.executeQuery()) {
                        return row.next()
                                ? Optional.of(new Mark(contentId, row.getString(1), row.getLong(2), row.getInt(3) != 0))
                                : Optional.<Mark>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ImportFailedException("could not read the ledger's import progress: "
                    + transactions.describe(e), e);
        }
    }

    /**
     * How far each client's rows of a source are stored by owners of a cluster (see
     * {@link ClusterChunks}): client to last line stored, empty when none.
     */
    public Map<Integer, Long> clientMarks(String contentId) {
        try {
            return transactions.read(connection -> clientMarks(connection, contentId));
        } catch (SQLException e) {
            throw new ImportFailedException("could not read the ledger's import progress: "
                    + transactions.describe(e), e);
        }
    }

    static Map<Integer, Long> clientMarks(Connection connection, String contentId) throws SQLException {
        Map<Integer, Long> marks = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT client, lines_done FROM import_client_mark WHERE content_sha256 = ?")) {
            query.setString(1, contentId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    marks.put(row.getInt(1), row.getLong(2));
                }
            }
        }
        return marks;
    }

    /**
     * Stores clients' marks in the transaction of their rows; a mark never moves back.
     *
     * @return how many marks moved forward
     */
    static int writeClientMarks(Connection connection, List<ImportPart.ClientMark> marks) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CLIENT)) {
            for (ImportPart.ClientMark mark : marks) {
                upsert.setString(1, mark.contentId());
                upsert.setInt(2, mark.client());
                upsert.setLong(3, mark.linesDone());
                upsert.addBatch();
            }
            int moved = 0;
            for (int count : upsert.executeBatch()) {
                moved += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count;
            }
            return moved;
        }
    }

    /**
     * The statements that store these marks, to run in the transaction of the rows they count. A
     * source imported whole needs its clients' marks no more.
     */
    static ChunkTransaction.Write<Void> write(List<Mark> marks) {
        return connection -> {
            if (marks.isEmpty()) {
                return null;
            }
            String now = Instant.now().toString();
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Mark mark : marks) {
                    upsert.setString(1, mark.contentId());
                    upsert.setString(2, mark.name());
                    upsert.setLong(3, mark.linesDone());
                    upsert.setInt(4, mark.complete() ? 1 : 0);
                    upsert.setString(5, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            forgetClientMarks(connection, marks);
            return null;
        };
    }

    private static void forgetClientMarks(Connection connection, List<Mark> marks) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM import_client_mark WHERE content_sha256 = ?")) {
            for (Mark mark : marks) {
                if (mark.complete()) {
                    delete.setString(1, mark.contentId());
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
    }
}

package io.payonator.ops.importer;

import io.payonator.ops.ledger.ChunkTransaction;
import io.payonator.ops.ledger.ImportTransactions;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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

    /** The statements that store these marks, to run in the transaction of the rows they count. */
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
            return null;
        };
    }
}

package io.payonator.ops.fuzz;

import io.payonator.api.event.ChargedBack;
import io.payonator.api.event.Deposited;
import io.payonator.api.event.Disputed;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.event.Withdrawn;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Counts a ledger's row outcomes straight from its event store (plain JDBC on the SQLite file, the
 * source of truth), independently of the projection and the reports built from it.
 */
public final class LedgerEvents {

    private static final List<Class<?>> ACCEPTED = List.of(Deposited.class, Withdrawn.class, Disputed.class,
            Resolved.class, ChargedBack.class);
    private static final List<Class<?>> REFUSED = List.of(TransactionRejected.class, RowMalformed.class);

    private LedgerEvents() {
    }

    /** Rows whose change was applied: one event of these types per accepted row. */
    public static long accepted(Path db) throws SQLException {
        return count(db, ACCEPTED);
    }

    /** Rows rejected or malformed, as the event store records them. */
    public static long refused(Path db) throws SQLException {
        return count(db, REFUSED);
    }

    private static long count(Path db, List<Class<?>> types) throws SQLException {
        String placeholders = String.join(",", Collections.nCopies(types.size(), "?"));
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection("jdbc:sqlite:" + db);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType IN (" + placeholders + ")")) {
            for (int i = 0; i < types.size(); i++) {
                query.setString(i + 1, types.get(i).getSimpleName());
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

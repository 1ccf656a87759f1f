package io.payonator.ops.ledger;

import io.payonator.api.AccountBalance;
import io.payonator.api.Money;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The balances of a ledger that another process holds (a {@code serve}, an import), read without
 * its lock over a read-only connection: SQLite in WAL mode lets a reader see the last committed
 * state while the writer goes on, and the projection commits its balances and its position
 * together, so they are those of one point in the event stream. That point may be behind the last
 * event stored: the holder's projection applies events as it gets to them.
 */
public final class LedgerSnapshot {

    private LedgerSnapshot() {
    }

    /** Accounts in ascending client order, as the projection last committed them. */
    public static List<AccountBalance> accounts(Path file) {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(60_000);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                readOnly.toProperties());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT client, available, held, total, locked FROM account_balance ORDER BY client")) {
            List<AccountBalance> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(new AccountBalance(rows.getInt(1), new Money(rows.getLong(2)), new Money(rows.getLong(3)),
                        new Money(rows.getLong(4)), rows.getBoolean(5)));
            }
            return accounts;
        } catch (SQLException e) {
            throw new Ledger.LedgerUnavailableException("could not read the ledger " + file + ": "
                    + SqliteFailures.describe(e), e);
        }
    }
}

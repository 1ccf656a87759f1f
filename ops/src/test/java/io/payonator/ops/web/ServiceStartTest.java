package io.payonator.ops.web;

import io.payonator.ops.ledger.sqlite.SqliteLocation;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.generate.TransactionGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service opens only once its projection has caught up: a ledger whose query tables must be
 * rebuilt (as after the upgrade that added the transaction table) answers its first read with the
 * complete balances, not with what the projection has got through so far.
 */
class ServiceStartTest {

    @Test
    void firstReadAfterStartSeesEveryEventEvenWhenTheTablesHadToBeRebuilt(@TempDir Path work) throws Exception {
        Path db = work.resolve("ledger.db");
        StringWriter rows = new StringWriter();
        new TransactionGenerator(3, 500, 0.01).write(30_000, rows);
        Path input = Files.writeString(work.resolve("input.csv"), rows.toString());
        Cli.Result imported = Cli.run(input.toString(), "--db", db.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        emptyTheQueryTables(db);

        try (LedgerService service = LedgerService.start(new LedgerService.Settings(SqliteLocation.of(db), 0, "127.0.0.1", "t"))) {
            Http http = new Http(service.uri(), "Bearer t");

            assertThat(http.get("/accounts", "text/csv").body()).isEqualTo(imported.out());
        }
    }

    /** What the V10 migration does to a ledger of an earlier version. */
    private static void emptyTheQueryTables(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM account_balance");
            statement.executeUpdate("DELETE FROM rejected_row");
            statement.executeUpdate("DELETE FROM ledger_transaction");
            statement.executeUpdate("DELETE FROM TokenEntry WHERE processorName = 'balances'");
        }
    }
}

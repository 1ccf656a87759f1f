package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger file persists across runs: later imports append, tx ids stay reserved, replay proves the balances. */
class PersistentLedgerTest {

    @TempDir
    Path work;

    @Test
    void laterImportAppendsAndSeesEarlierTxIds() throws IOException {
        Path db = work.resolve("ledger.db");
        Path first = Files.writeString(work.resolve("day1.csv"),
                "type,client,tx,amount\ndeposit,1,1,10\nwithdrawal,2,2,5\n");
        Path second = Files.writeString(work.resolve("day2.csv"),
                "type,client,tx,amount\ndeposit,1,1,99\ndeposit,3,2,7\ndispute,1,1\ndeposit,1,3,1\n");
        Path rejects = work.resolve("rejects.csv");

        assertThat(Cli.run(first.toString(), "--db", db.toString()).exitCode()).isZero();
        Cli.Result result = Cli.run(second.toString(), "--db", db.toString(), "--rejects", rejects.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        // tx 1 (accepted deposit) and tx 2 (rejected withdrawal) were reserved by the first import
        assertThat(result.out()).isEqualTo("""
                client,available,held,total,locked
                1,1.0000,10.0000,11.0000,false
                2,0.0000,0.0000,0.0000,false
                3,0.0000,0.0000,0.0000,false
                """);
        // the report covers the whole ledger, each row with its reason in words
        assertThat(Files.readAllLines(rejects)).containsExactly(RejectsReports.HEADER,
                first + ",3,insufficient_funds,the available funds of client 2 are less than the amount",
                second + ",2,duplicate_tx,tx 1 was already used by an earlier deposit or withdrawal; this row was not"
                        + " applied",
                second + ",3,duplicate_tx,tx 2 was already used by an earlier deposit or withdrawal; this row was not"
                        + " applied");
        assertThat(Cli.run("accounts", "--db", db.toString()).out()).isEqualTo(result.out());
    }

    /**
     * Available goes from minus to plus the largest amount between two imports, so the second
     * import's projection batch changes it by more than 64 bits hold, though every balance fits.
     */
    @Test
    void balancesSwingingAcrossTheWholeRangeBetweenImports() throws IOException {
        Path db = work.resolve("ledger.db");
        String largest = "922337203685477.5807";
        Path first = Files.writeString(work.resolve("day1.csv"), "type,client,tx,amount\n"
                + "deposit,1,1," + largest + "\nwithdrawal,1,2," + largest + "\ndispute,1,1\n");
        Path second = Files.writeString(work.resolve("day2.csv"), "type,client,tx,amount\n"
                + "deposit,1,3," + largest + "\nresolve,1,1\n");

        Cli.Result before = Cli.run(first.toString(), "--db", db.toString());
        Cli.Result after = Cli.run(second.toString(), "--db", db.toString());

        assertThat(before.out()).isEqualTo("client,available,held,total,locked\n"
                + "1,-" + largest + "," + largest + ",0.0000,false\n");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).isEqualTo("client,available,held,total,locked\n"
                + "1," + largest + ",0.0000," + largest + ",false\n");
        assertThat(Cli.run("replay", "--db", db.toString()).out()).isEqualTo(after.out());
    }

    @Test
    void replayRebuildsIdenticalBalances() throws IOException {
        Path db = work.resolve("ledger.db");
        Path sample = ConformanceCases.directory().resolve("payonator-sample/input.csv");
        Cli.Result imported = Cli.run(sample.toString(), "--db", db.toString());

        Cli.Result replayed = Cli.run("replay", "--db", db.toString());

        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).isEqualTo(imported.out());
        assertThat(replayed.err()).contains("identical");
    }

    @Test
    void replayFailsWhenTheTablesDisagreeWithTheEvents() throws IOException, SQLException {
        Path db = work.resolve("ledger.db");
        Path sample = ConformanceCases.directory().resolve("payonator-sample/input.csv");
        Cli.Result imported = Cli.run(sample.toString(), "--db", db.toString());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE account_balance SET available = available + 1, total = total + 1");
        }

        Cli.Result replayed = Cli.run("replay", "--db", db.toString());

        assertThat(replayed.exitCode()).isEqualTo(ExitCode.REPLAY_MISMATCH);
        assertThat(replayed.err()).contains("MISMATCH");
        // the rebuilt tables are right again
        assertThat(replayed.out()).isEqualTo(imported.out());
        assertThat(Cli.run("replay", "--db", db.toString()).exitCode()).isZero();
    }
}

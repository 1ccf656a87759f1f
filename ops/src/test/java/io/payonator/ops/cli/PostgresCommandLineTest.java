package io.payonator.ops.cli;

import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.postgres.PostgresLocation;
import io.payonator.ops.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a PostgreSQL ledger: what only this backend has, and its failures, each in one line. */
class PostgresCommandLineTest {

    private static final String SAMPLE = "type,client,tx,amount\ndeposit,1,1,2.5\nwithdrawal,1,2,1\n";

    @TempDir
    Path work;

    @Test
    void aMissingDatabaseIsOneLineAndExitCodeTwo() {
        String missing = TestPostgres.url("no_such_database");

        Cli.Result result = Cli.run("accounts", "--db", missing);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("payonator: cannot open the ledger " + missing)
                .contains("the database does not exist");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownUserIsOneLineAndExitCodeTwo() throws IOException {
        String database = TestPostgres.newDatabase();
        String stranger = database.replace("user=postgres", "user=stranger");

        Cli.Result result = Cli.run(input().toString(), "--db", stranger);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("role \"stranger\" does not exist");
    }

    @Test
    void anUnreachableServerIsOneLineAndExitCodeTwo() throws IOException {
        Cli.Result result = Cli.run(input().toString(), "--db", "jdbc:postgresql://127.0.0.1:1/ledger?user=postgres");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .contains("cannot reach the PostgreSQL server");
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        String withPassword = TestPostgres.url("no_such_database") + "&password=hunter2";

        Cli.Result result = Cli.run("accounts", "--db", withPassword);

        assertThat(result.err()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void aSecondWriterIsRefusedAtOnceNamingTheHolder() throws IOException {
        String database = TestPostgres.newDatabase();
        try (Ledger holder = Ledger.open(PostgresLocation.parse(database))) {
            Cli.Result second = Cli.run(input().toString(), "--db", database);
            Cli.Result reader = Cli.run("accounts", "--db", database);

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("is in use by another payonator process (payonator writer, pid "
                    + ProcessHandle.current().pid() + " from 127.0.0.1");
            assertThat(reader.exitCode()).as(reader.err()).isZero();
            assertThat(reader.out()).isEqualTo("client,available,held,total,locked\n");
        }
        Cli.Result afterwards = Cli.run(input().toString(), "--db", database);
        assertThat(afterwards.exitCode()).as(afterwards.err()).isZero();
        assertThat(afterwards.out()).isEqualTo("client,available,held,total,locked\n1,1.5000,0.0000,1.5000,false\n");
    }

    @Test
    void aFileAlreadyImportedIsSkipped() throws IOException {
        String database = TestPostgres.newDatabase();
        Path file = input();

        Path rejects = work.resolve("rejects.csv");

        Cli.Result first = Cli.run(file.toString(), "--db", database);
        Cli.Result again = Cli.run(file.toString(), "--db", database, "--rejects", rejects.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        // read a second time, its two rows would have been rejected as duplicate_tx
        assertThat(Files.readAllLines(rejects)).containsExactly("source,line,reason,detail");
    }

    private Path input() throws IOException {
        return Files.writeString(work.resolve("input.csv"), SAMPLE);
    }
}

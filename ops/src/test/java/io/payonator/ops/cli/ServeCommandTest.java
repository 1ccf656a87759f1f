package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code payonator serve} refuses to start without what it needs, before it touches the ledger; a
 * start that fails later removes the ledger it created.
 */
class ServeCommandTest {

    @TempDir
    Path work;

    @Test
    void refusesToStartWithoutAToken() {
        assumeTrue(System.getenv(ServeCommand.TOKEN_VARIABLE) == null, "PAYONATOR_TOKEN is set in this environment");
        Path db = work.resolve("ledger.db");

        Cli.Result result = Cli.run("serve", "--db", db.toString(), "--port", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("serve needs a token for writes: give --token T or set PAYONATOR_TOKEN");
        assertThat(result.out()).isEmpty();
        assertThat(Files.exists(db)).as("no ledger created").isFalse();
    }

    @Test
    void refusesAClusterOnASqliteLedgerInOneLine() {
        Path db = work.resolve("ledger.db");

        Cli.Result result = Cli.run("serve", "--db", db.toString(), "--token", "t", "--port", "0",
                "--cluster", "127.0.0.1:7801,127.0.0.1:7802", "--cluster-bind", "127.0.0.1:7801",
                "--cluster-secret", "a-secret-long-enough");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--cluster needs a PostgreSQL ledger").doesNotContain("Exception")
                .doesNotContain("a-secret-long-enough");
        assertThat(Files.exists(db)).as("no ledger created").isFalse();
    }

    @Test
    void refusesAClusterNodeWhoseAddressIsNotAMember() {
        Cli.Result result = Cli.run("serve", "--db", "jdbc:postgresql://127.0.0.1:1/none?user=x", "--token", "t",
                "--cluster", "127.0.0.1:7801,127.0.0.1:7802", "--cluster-bind", "127.0.0.1:7803",
                "--cluster-secret", "a-secret-long-enough");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--cluster-bind 127.0.0.1:7803 is not one of the --cluster members");
    }

    @Test
    void refusesABlankToken() {
        Cli.Result result = Cli.run("serve", "--db", work.resolve("ledger.db").toString(), "--token", "  ");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("needs a token");
    }

    @Test
    void refusesALedgerInADirectoryThatDoesNotExist() {
        Path db = work.resolve("no-such-directory").resolve("ledger.db");

        Cli.Result result = Cli.run("serve", "--db", db.toString(), "--token", "t", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--db " + db + ": no such directory").doesNotContain("Exception");
        assertThat(db.getParent()).doesNotExist();
    }

    @Test
    void refusesAPortOutOfRange() {
        Cli.Result result = Cli.run("serve", "--db", work.resolve("ledger.db").toString(), "--token", "t",
                "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--port must be 0..65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "192.0.2.1", "no-such-host.invalid", "::ffff:999.1.1.1"})
    void refusesABindAddressThatIsNotThisMachines(String bind) {
        Path db = work.resolve("ledger.db");

        Cli.Result result = Cli.run("serve", "--db", db.toString(), "--token", "t", "--port", "0", "--bind", bind);

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("payonator: --bind " + bind + ": ").doesNotContain("\tat ");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(Files.exists(db)).as("no ledger created").isFalse();
        assertThat(Files.exists(Path.of(db + ".lock"))).as("no lock file created").isFalse();
    }

    /** A start that fails after the new ledger was created leaves no empty ledger behind (its lock file may stay). */
    @Test
    void aBusyPortLeavesNoNewLedgerBehind() throws IOException {
        Path db = work.resolve("new.db");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result result = serveOn(db, busy.getLocalPort());

            assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(result.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": the port is in use")
                    .doesNotContain("\tat ");
        }
        assertThat(List.of("", "-wal", "-shm", "-journal")).allSatisfy(suffix ->
                assertThat(Path.of(db + suffix)).as("removed").doesNotExist());
    }

    @Test
    void aBusyPortKeepsAnExistingLedger() throws IOException {
        Path db = work.resolve("ledger.db");
        Path sample = ConformanceCases.directory().resolve("payonator-sample");
        assertThat(Cli.run(sample.resolve("input.csv").toString(), "--db", db.toString()).exitCode()).isZero();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(serveOn(db, busy.getLocalPort()).exitCode()).isEqualTo(ExitCode.FAILURE);
        }

        Cli.Result accounts = Cli.run("accounts", "--db", db.toString());

        assertThat(accounts.out()).isEqualTo(Files.readString(sample.resolve("expected.csv")));
    }

    private static Cli.Result serveOn(Path db, int port) {
        return Cli.run("serve", "--db", db.toString(), "--token", "t", "--bind", "127.0.0.1", "--port",
                Integer.toString(port));
    }

    @Test
    void helpNamesEveryOption() {
        Cli.Result result = Cli.run("serve", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--db", "--port", "--bind", "--token", "PAYONATOR_TOKEN", "/v3/api-docs");
    }
}

package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code payonator serve} refuses to start without what it needs, before it touches the ledger. */
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
    void refusesABlankToken() {
        Cli.Result result = Cli.run("serve", "--db", work.resolve("ledger.db").toString(), "--token", "  ");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("needs a token");
    }

    @Test
    void refusesAPortOutOfRange() {
        Cli.Result result = Cli.run("serve", "--db", work.resolve("ledger.db").toString(), "--token", "t",
                "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--port must be 0..65535");
    }

    @Test
    void helpNamesEveryOption() {
        Cli.Result result = Cli.run("serve", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--db", "--port", "--bind", "--token", "PAYONATOR_TOKEN", "/v3/api-docs");
    }
}

package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors of an import through a cluster: one line, exit 2, nothing created or read. */
class ClusterImportCommandTest {

    private static final String MEMBERS = "127.0.0.1:7801,127.0.0.1:7802";
    private static final String SECRET = "a-secret-long-enough";

    @TempDir
    Path work;

    @Test
    void refusesAClusterImportIntoASqliteLedger() throws IOException {
        Path db = work.resolve("ledger.db");

        Cli.Result result = Cli.run(rows().toString(), "--db", db.toString(), "--cluster", MEMBERS,
                "--cluster-bind", "127.0.0.1:7802", "--cluster-secret", SECRET);

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--cluster needs a PostgreSQL ledger").doesNotContain("Exception")
                .doesNotContain(SECRET);
        assertThat(result.out()).isEmpty();
        assertThat(Files.exists(db)).as("no ledger created").isFalse();
    }

    @Test
    void refusesStandardInputThroughACluster() {
        Cli.Result result = Cli.runWithInput("type,client,tx,amount\n", "-", "--db",
                "jdbc:postgresql://127.0.0.1:1/none?user=x", "--cluster", MEMBERS, "--cluster-bind", "127.0.0.1:7802",
                "--cluster-secret", SECRET);

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--cluster imports files only").doesNotContain("Exception");
    }

    @Test
    void refusesABindAddressThatIsNotAMember() throws IOException {
        Cli.Result result = Cli.run(rows().toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none?user=x",
                "--cluster", MEMBERS, "--cluster-bind", "127.0.0.1:7803", "--cluster-secret", SECRET);

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--cluster-bind 127.0.0.1:7803 is not one of the --cluster members");
    }

    private Path rows() throws IOException {
        return Files.writeString(work.resolve("rows.csv"), "type,client,tx,amount\ndeposit,1,1,1.0\n");
    }
}

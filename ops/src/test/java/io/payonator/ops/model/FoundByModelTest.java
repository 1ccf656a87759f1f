package io.payonator.ops.model;

import io.payonator.ops.cli.Cli;
import io.payonator.ops.cli.RejectsReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discrepancies the model-based and hostile-input tests found, kept as small fixed examples with the
 * outcome SPEC.md requires, checked on the engine and on the model alike.
 */
class FoundByModelTest {

    @TempDir
    Path work;

    /** ModelBasedTest seed 8815818317540518267: {@code wıthdrawal} (dotless i) was taken for a withdrawal. */
    @Test
    void unicodeLookAlikeTypesAreMalformed() throws Exception {
        String input = "type,client,tx,amount\n"
                + "deposit,1,1,10\n"
                + "w\u0131thdrawal,1,2,1\n"
                + "depo\u017Fit,1,3,5\n"
                + "dispute,1,1\n"
                + "chargebac\u212A,1,1\n"
                + "deposit,1,2,1\n";

        assertAgree(input, "client,available,held,total,locked\n1,1.0000,10.0000,11.0000,false\n",
                List.of("3,malformed", "4,malformed", "6,malformed"));
    }

    private void assertAgree(String input, String accounts, List<String> linesAndReasons) throws Exception {
        Path file = Files.writeString(work.resolve("in.csv"), input, StandardCharsets.UTF_8);
        Path rejects = work.resolve("rejects.csv");
        ReferenceLedger model = new ReferenceLedger();
        model.importSource(file.toString(), Files.readAllBytes(file));

        Cli.Result engine = Cli.run(file.toString(), "--rejects", rejects.toString());

        assertThat(engine.exitCode()).as(engine.err()).isZero();
        assertThat(engine.out()).isEqualTo(accounts).isEqualTo(model.accountsCsv());
        List<String> expected = linesAndReasons.stream().map(reject -> file + "," + reject).toList();
        assertThat(RejectsReports.withoutDetail(Files.readAllLines(rejects))).containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("source,line,reason"), expected.stream()).toList());
        assertThat(model.rejects()).map(Object::toString).containsExactlyElementsOf(expected);
    }
}

package io.payonator.ops.model;

import io.payonator.ops.cli.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model is only a judge if it is right: it must pass every conformance case on its own. */
class ReferenceLedgerTest {

    static Stream<Path> cases() {
        return ConformanceCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesEveryConformanceCase(Path testCase) throws Exception {
        ReferenceLedger model = new ReferenceLedger();

        model.importSource("input.csv", Files.readAllBytes(testCase.resolve("input.csv")));

        assertThat(model.accountsCsv()).isEqualTo(Files.readString(testCase.resolve("expected.csv")));
        assertThat(model.rejects()).map(reject -> reject.line() + "," + reject.reason())
                .containsExactlyElementsOf(ConformanceCases.expectedRejects(testCase));
    }

    @Test
    void keepsReservedTxIdsAndReportsAcrossImports() throws Exception {
        ReferenceLedger model = new ReferenceLedger();

        model.importSource("a.csv", bytes("type,client,tx,amount\ndeposit,1,1,5\n"));
        model.importSource("b.csv", bytes("type,client,tx\nwithdrawal,2,1,1\ndispute,1,1\n"));

        assertThat(model.accountsCsv()).isEqualTo(
                "client,available,held,total,locked\n1,0.0000,5.0000,5.0000,false\n2,0.0000,0.0000,0.0000,false\n");
        assertThat(model.rejects()).map(Object::toString).containsExactly("b.csv,2,duplicate_tx");
    }

    @Test
    void refusesAMissingHeaderWithoutChangingAnything() throws Exception {
        ReferenceLedger model = new ReferenceLedger();
        model.importSource("a.csv", bytes("type,client,tx,amount\ndeposit,1,1,5\n"));

        assertThatThrownBy(() -> model.importSource("b.csv", bytes("deposit,1,2,5\n")))
                .isInstanceOf(ReferenceLedger.UnreadableInput.class);
        assertThat(model.accountsCsv()).isEqualTo("client,available,held,total,locked\n1,5.0000,0.0000,5.0000,false\n");
    }

    @Test
    void judgesOverLongLinesAndUnicodeLookAlikesAsMalformed() throws Exception {
        ReferenceLedger model = new ReferenceLedger();

        model.importSource("a.csv", bytes("type,client,tx,amount\r\ndeposit,1,1," + "0".repeat(1100) + "5\r"
                + " ".repeat(2000) + "\ndepo\u017Fit,1,2,5\nDEPOSIT,1,3,5"));

        assertThat(model.accountsCsv()).isEqualTo("client,available,held,total,locked\n1,5.0000,0.0000,5.0000,false\n");
        assertThat(model.rejects()).map(Object::toString).containsExactly("a.csv,2,malformed", "a.csv,4,malformed");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

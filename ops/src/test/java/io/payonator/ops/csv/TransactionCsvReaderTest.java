package io.payonator.ops.csv;

import io.payonator.api.RejectionReason;
import io.payonator.command.intake.MalformedRowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionCsvReaderTest {

    private static TransactionCsvReader open(String text) throws UnreadableInputException {
        return TransactionCsvReader.open("in.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> rows(String text) throws Exception {
        List<String> rows = new ArrayList<>();
        try (TransactionCsvReader reader = open(text)) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.origin().line() + ":" + String.join("|", row.fields()));
            }
        }
        return rows;
    }

    @Test
    void trimsSpacesAndTabsAndNumbersLinesFromTheFile() throws Exception {
        assertThat(rows("type, client, tx, amount\n\n deposit ,\t1\t, 2 , 3.0 \n   \t\nresolve,1,2\n"))
                .containsExactly("3:deposit|1|2|3.0", "5:resolve|1|2");
    }

    @Test
    void keepsAnEmptyTrailingAmountAsAField() throws Exception {
        assertThat(rows("type,client,tx,amount\ndispute,1,7,\ndispute,1,7\n"))
                .containsExactly("2:dispute|1|7|", "3:dispute|1|7");
    }

    @Test
    void handlesByteOrderMarkCrLfAndMissingFinalNewline() throws Exception {
        assertThat(rows("\uFEFFtype,client,tx,amount\r\ndeposit,1,1,1\r\nwithdrawal,1,2,1"))
                .containsExactly("2:deposit|1|1|1", "3:withdrawal|1|2|1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TYPE,Client,Tx,AMOUNT", " type , client , tx ", "\n\ntype,client,tx,amount"})
    void acceptsHeaderVariants(String header) throws Exception {
        assertThat(rows(header + "\ndeposit,1,1,1\n")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client,type,tx,amount", "type,client,tx,amount,extra", "deposit,1,1,1.0", "type,client"})
    void refusesAWrongHeader(String header) {
        assertThatThrownBy(() -> open(header + "\ndeposit,1,1,1\n"))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("in.csv")
                .hasMessageContaining("no header");
    }

    @Test
    void reportsALineLongerThanTheLimitAsMalformedAndReadsOn() throws Exception {
        String atLimit = "deposit,1,1," + "0".repeat(TransactionCsvReader.MAX_LINE_LENGTH - 13) + "5";
        String overLimit = atLimit + "0";
        String text = "type,client,tx,amount\n" + overLimit + "\r\n" + atLimit + "\n"
                + " \t".repeat(TransactionCsvReader.MAX_LINE_LENGTH) + "\rresolve,1,2";

        try (TransactionCsvReader reader = open(text)) {
            CsvRow tooLong = reader.next();
            assertThat(tooLong.origin().line()).isEqualTo(2);
            assertThatThrownBy(tooLong::checkFieldCount).isInstanceOf(MalformedRowException.class)
                    .hasMessage("line is longer than 1024 characters")
                    .extracting(e -> ((MalformedRowException) e).reason()).isEqualTo(RejectionReason.MALFORMED);
            CsvRow atTheLimit = reader.next();
            assertThat(atTheLimit.origin().line()).isEqualTo(3);
            assertThat(atTheLimit.amount()).hasSize(TransactionCsvReader.MAX_LINE_LENGTH - 12);
            // a blank line is empty whatever its length
            assertThat(reader.next().origin().line()).isEqualTo(5);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void refusesAHeaderLongerThanTheLimit() {
        assertThatThrownBy(() -> open("type,client,tx,amount" + " ".repeat(2000) + "x\ndeposit,1,1,1\n"))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("in.csv:1: no header: the line is longer than 1024 characters");
    }

    @Test
    void refusesAnEmptyInput() {
        assertThatThrownBy(() -> open("")).hasMessageContaining("no header");
    }
}

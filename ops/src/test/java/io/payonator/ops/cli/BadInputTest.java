package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed rows are reported with line and reason and skipped; unreadable inputs change nothing. */
class BadInputTest {

    @TempDir
    Path work;

    @Test
    void everyKindOfMalformedRowIsReportedAndProcessingContinues() throws IOException {
        Path input = write("bad.csv", String.join("\n",
                "type,client,tx,amount",
                "deposit,1,1,10",             // 2 ok
                "transfer,1,2,5",             // 3 unknown type
                "deposit,-1,3,5",             // 4 negative client
                "deposit,65536,4,5",          // 5 client out of range
                "deposit,x,5,5",              // 6 client not a number
                "deposit,1,4294967296,5",     // 7 tx out of range
                "deposit,1,,5",               // 8 tx missing
                "deposit,1",                  // 9 too few fields
                "deposit,1,9,5,6",            // 10 too many fields
                "deposit,1,10,1.00001",       // 11 five decimals
                "deposit,1,11,-5",            // 12 negative
                "deposit,1,12,0",             // 13 zero
                "deposit,1,13,1e3",           // 14 exponent
                "deposit,1,14,\"1,000\"",     // 15 thousands separator (and too many fields)
                "deposit,1,15,1000.",         // 16 trailing point
                "withdrawal,1,16,.5",         // 17 no integer digits
                "withdrawal,1,17",            // 18 missing amount
                "withdrawal,1,18,",           // 19 empty amount
                "deposit,1,19,+5",            // 20 sign
                "deposit,1,20,99999999999999999999", // 21 too large for the ledger
                "",                           // 22 empty: skipped, not reported
                "  DEPOSIT ,\t1 , 21 , 2.5 ", // 23 ok: trimmed, case-insensitive
                "dispute,1,1,not-an-amount",  // 24 ok: amount ignored on disputes
                "deposit,1,12,3"));           // 25 ok: tx 12 was not reserved by the malformed row 13
        Path rejects = work.resolve("rejects.csv");

        Cli.Result result = Cli.run(input.toString(), "--rejects", rejects.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("client,available,held,total,locked\n1,5.5000,10.0000,15.5000,false\n");
        String fieldCount = "\"expected 3 or 4 fields (type, client, tx[, amount]), found ";
        assertThat(Files.readAllLines(rejects)).containsExactly(RejectsReports.HEADER,
                source(input, 3, "malformed,unknown transaction type 'transfer'"),
                source(input, 4, "malformed,client '-1' is not an unsigned integer"),
                source(input, 5, "malformed,client '65536' is out of range 0..65535"),
                source(input, 6, "malformed,client 'x' is not an unsigned integer"),
                source(input, 7, "malformed,tx '4294967296' is out of range 0..4294967295"),
                source(input, 8, "malformed,tx is missing"),
                source(input, 9, "malformed," + fieldCount + "2\""),
                source(input, 10, "malformed," + fieldCount + "5\""),
                source(input, 11, "invalid_amount,amount '1.00001' has more than 4 fractional digits"),
                source(input, 12, "invalid_amount,amount '-5' is not a plain decimal"),
                source(input, 13, "invalid_amount,amount '0' is not greater than zero"),
                source(input, 14, "invalid_amount,amount '1e3' is not a plain decimal"),
                source(input, 15, "malformed," + fieldCount + "5\""),
                source(input, 16, "invalid_amount,amount '1000.' ends with a decimal point"),
                source(input, 17, "invalid_amount,amount '.5' has no integer digits"),
                source(input, 18, "invalid_amount,amount is missing"),
                source(input, 19, "invalid_amount,amount is missing"),
                source(input, 20, "invalid_amount,amount '+5' is not a plain decimal"),
                source(input, 21, "invalid_amount,amount '99999999999999999999' is too large for the ledger"));
    }

    @Test
    void rejectionsAreListedOnStandardErrorWithoutARejectsFile() throws IOException {
        Path input = write("in.csv", "type,client,tx,amount\nwithdrawal,3,1,5\nbogus\n");

        Cli.Result result = Cli.run(input.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(withoutTime(result.err())).isEqualTo(""
                + "payonator: rejected " + input + ":2: insufficient_funds: the available funds of client 3 are less"
                + " than the amount\n"
                + "payonator: rejected " + input + ":3: malformed: expected 3 or 4 fields (type, client, tx[, amount]),"
                + " found 1\n"
                + "payonator: 2 rows from " + input + " in T s: 0 applied, 2 rejected (malformed 1, insufficient_funds"
                + " 1); 1 account touched; details: --rejects FILE\n");
        assertThat(result.out()).isEqualTo("client,available,held,total,locked\n3,0.0000,0.0000,0.0000,false\n");
    }

    @Test
    void byteOrderMarkCrLfAndThreeColumnHeaderAreAccepted() throws IOException {
        Path input = work.resolve("bom.csv");
        Files.write(input, "\uFEFFType,Client,TX\r\n\r\ndispute,4,1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path rejects = work.resolve("rejects.csv");

        Cli.Result result = Cli.run(input.toString(), "--rejects", rejects.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("client,available,held,total,locked\n4,0.0000,0.0000,0.0000,false\n");
        assertThat(Files.readAllLines(rejects)).containsExactly(RejectsReports.HEADER,
                source(input, 3, "unknown_tx,tx 1 is not a deposit of client 4"));
    }

    @Test
    void missingFileFailsNamingItAndCreatesNoLedger() throws IOException {
        Path good = write("good.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
        Path db = work.resolve("ledger.db");

        Cli.Result result = Cli.run(good.toString(), work.resolve("nope.csv").toString(), "--db", db.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("nope.csv: no such file");
        assertThat(result.out()).isEmpty();
        assertThat(db).doesNotExist();
    }

    @Test
    void inputWithoutHeaderFailsAndLeavesTheLedgerUnchanged() throws IOException {
        Path db = work.resolve("ledger.db");
        Path first = write("first.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
        assertThat(Cli.run(first.toString(), "--db", db.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(db);

        Path headless = write("headless.csv", "deposit,1,2,5\n");
        Cli.Result result = Cli.run(headless.toString(), "--db", db.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("headless.csv:1: no header");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Cli.run("accounts", "--db", db.toString()).out())
                .isEqualTo("client,available,held,total,locked\n1,1.0000,0.0000,1.0000,false\n");
    }

    @Test
    void emptyInputHasNoHeader() throws IOException {
        Cli.Result result = Cli.run(write("empty.csv", "\n\n").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("empty.csv: no header");
    }

    @Test
    void standardInputIsReadForADash() {
        Cli.Result result = Cli.runWithInput("type,client,tx,amount\ndeposit,2,1,1.25\n", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("client,available,held,total,locked\n2,1.2500,0.0000,1.2500,false\n");
    }

    @Test
    void accountsOfAMissingLedgerFailsWithoutCreatingIt() {
        Path db = work.resolve("missing.db");

        Cli.Result result = Cli.run("accounts", "--db", db.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("no such ledger");
        assertThat(db).doesNotExist();
    }

    @Test
    void unwritableRejectsFileOrLedgerPathIsRefusedBeforeAnythingIsStored() throws IOException {
        Path good = write("good.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
        Path db = work.resolve("ledger.db");
        Path nowhere = work.resolve("no-such-directory");

        Cli.Result badRejects = Cli.run(good.toString(), "--db", db.toString(),
                "--rejects", nowhere.resolve("rejects.csv").toString());
        Cli.Result rejectsIsDirectory = Cli.run(good.toString(), "--db", db.toString(), "--rejects", work.toString());
        Cli.Result badLedger = Cli.run(good.toString(), "--db", nowhere.resolve("ledger.db").toString());

        assertThat(badRejects.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badRejects.err()).contains("--rejects " + nowhere.resolve("rejects.csv") + ": no such directory");
        assertThat(rejectsIsDirectory.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(rejectsIsDirectory.err()).contains(": is a directory");
        assertThat(badLedger.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badLedger.err()).contains("--db " + nowhere.resolve("ledger.db") + ": no such directory");
        for (Cli.Result result : List.of(badRejects, rejectsIsDirectory, badLedger)) {
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(db).doesNotExist();
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void workerCountOutsideItsRangeIsAUsageError() throws IOException {
        Path good = write("good.csv", "type,client,tx,amount\ndeposit,1,1,1\n");

        for (String workers : List.of("0", "1025", "100000")) {
            Cli.Result result = Cli.run(good.toString(), "--workers", workers);

            assertThat(result.exitCode()).as(workers).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).contains("--workers must be between 1 and 1024");
        }
    }

    /** As into a persistent ledger: a second source of the same content would apply its rows twice. */
    @Test
    void sameContentTwiceInOneCommandIsReadOnceAlsoWithoutALedgerFile() throws IOException {
        String rows = "type,client,tx,amount\ndeposit,1,1,5\nwithdrawal,1,2,5\ndispute,1,1\nchargeback,1,1\n";
        Path file = write("day.csv", rows);
        Path copy = write("copy.csv", rows);
        Path db = work.resolve("ledger.db");

        LoggedRun.Result logged = LoggedRun.of(() -> Cli.run(file.toString(), file.toString(), copy.toString()));
        Cli.Result temporary = logged.cli();
        Cli.Result persistent = Cli.run(file.toString(), file.toString(), copy.toString(), "--db", db.toString());

        assertThat(temporary.exitCode()).as(temporary.err()).isZero();
        assertThat(temporary.out()).isEqualTo("client,available,held,total,locked\n1,-5.0000,5.0000,0.0000,false\n");
        assertThat(logged.logs()).contains("copy.csv: skipped: same content as an earlier source");
        assertThat(persistent.out()).isEqualTo(temporary.out());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    private static String source(Path input, int line, String reason) {
        return input + "," + line + "," + reason;
    }

    /** A summary line's time, which no test can know. */
    static String withoutTime(String err) {
        return err.replaceAll(" in \\d+\\.\\d s: ", " in T s: ");
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}

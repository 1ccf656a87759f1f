package io.payonator.ops.cli;

import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.payonator.ops.cli.BadInputTest.withoutTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line as a Unix tool (issue 17): standard error says what this run did in a few
 * lines a person reads, every failure is one line with its exit code, and standard output is only
 * what was asked for. Each test asserts the exact lines, through the command line's entry point;
 * {@link LoggedRun} also catches the log lines, which go to the process's standard error.
 */
class UnixToolTest {

    private static final String ACCOUNTS_HEADER = "client,available,held,total,locked\n";

    @TempDir
    Path work;

    /** Finding 4: "imported 16 rows (4 malformed)" when 8 of the 16 were not applied. */
    @Nested
    class Summary {

        @Test
        void everyImportEndsWithRowsAppliedAndRejectedByReasonAccountsAndWhereTheReportIs() throws IOException {
            Path input = write("day.csv", """
                    type,client,tx,amount
                    deposit,1,1,10
                    deposit,1,2,5
                    withdrawal,1,3,20
                    withdrawal,1,4,3
                    dispute,1,1
                    dispute,1,1
                    resolve,1,1
                    resolve,1,1
                    dispute,1,99
                    deposit,2,2,1
                    deposit,2,5,1.00001
                    deposit,two,6,1
                    bogus
                    deposit,2,7,1
                    withdrawal,2,8,1
                    dispute,2,7
                    """);

            LoggedRun.Result run = LoggedRun.of(() -> Cli.run(input.toString()));

            assertThat(run.cli().exitCode()).isZero();
            assertThat(withoutTime(run.cli().err())).isEqualTo(""
                    + rejected(input, 4, "insufficient_funds: the available funds of client 1 are less than the amount")
                    + rejected(input, 7, "already_disputed: deposit 1 is already under dispute")
                    + rejected(input, 9, "not_disputed: deposit 1 is not under dispute")
                    + rejected(input, 10, "unknown_tx: tx 99 is not a deposit of client 1")
                    + rejected(input, 11, "duplicate_tx: tx 2 was already used by an earlier deposit or withdrawal;"
                    + " this row was not applied")
                    + rejected(input, 12, "invalid_amount: amount '1.00001' has more than 4 fractional digits")
                    + rejected(input, 13, "malformed: client 'two' is not an unsigned integer")
                    + rejected(input, 14, "malformed: expected 3 or 4 fields (type, client, tx[, amount]), found 1")
                    + "payonator: 16 rows from " + input + " in T s: 8 applied, 8 rejected (malformed 2,"
                    + " invalid_amount 1, duplicate_tx 1, insufficient_funds 1, unknown_tx 1, already_disputed 1,"
                    + " not_disputed 1); 2 accounts touched; details: --rejects FILE\n");
            assertThat(run.logs()).as("log lines").isEmpty();
            assertThat(run.cli().out()).isEqualTo(ACCOUNTS_HEADER + "1,12.0000,0.0000,12.0000,false\n"
                    + "2,-1.0000,1.0000,0.0000,false\n");
        }

        @Test
        void withARejectsFileTheSummarySaysWhereItIs() throws IOException {
            Path input = write("clean.csv", "type,client,tx,amount\ndeposit,7,1,1.5\n");
            Path rejects = work.resolve("rejects.csv");

            Cli.Result result = Cli.run(input.toString(), "--rejects", rejects.toString());

            assertThat(withoutTime(result.err())).isEqualTo("payonator: 1 row from " + input
                    + " in T s: 1 applied, 0 rejected; 1 account touched; rejects report: " + rejects + "\n");
            assertThat(rejects).hasContent(RejectsReports.HEADER);
        }
    }

    /** Findings 1 and 2: 25,585 lines of rejections, and the old ones again on every import. */
    @Nested
    class Rejections {

        @Test
        void standardErrorListsTheFirstTwentyAndCountsTheRest() throws IOException {
            Path input = thirtyWithdrawalsWithoutFunds("no-funds.csv");

            Cli.Result result = Cli.run(input.toString());

            assertThat(result.exitCode()).isZero();
            assertThat(withoutTime(result.err())).isEqualTo(insufficientFunds(input, 2, 21)
                    + "payonator: … and 10 more (use --rejects FILE)\n"
                    + "payonator: 30 rows from " + input + " in T s: 0 applied, 30 rejected (insufficient_funds 30);"
                    + " 1 account touched; details: --rejects FILE\n");
        }

        @Test
        void withARejectsFileTheRestArePointedAtIt() throws IOException {
            Path input = thirtyWithdrawalsWithoutFunds("no-funds.csv");
            Path rejects = work.resolve("rejects.csv");

            Cli.Result result = Cli.run(input.toString(), "--rejects", rejects.toString());

            assertThat(withoutTime(result.err())).isEqualTo(insufficientFunds(input, 2, 21)
                    + "payonator: … and 10 more (all of them in " + rejects + ")\n"
                    + "payonator: 30 rows from " + input + " in T s: 0 applied, 30 rejected (insufficient_funds 30);"
                    + " 1 account touched; rejects report: " + rejects + "\n");
            assertThat(Files.readAllLines(rejects)).hasSize(31);
        }

        @Test
        void verboseListsEveryRejectionAndTheStepsOfTheRun() throws IOException {
            Path input = thirtyWithdrawalsWithoutFunds("no-funds.csv");

            LoggedRun.Result run = LoggedRun.of(() -> Cli.run(input.toString(), "--verbose"));

            assertThat(withoutTime(run.cli().err())).isEqualTo(insufficientFunds(input, 2, 31)
                    + "payonator: 30 rows from " + input + " in T s: 0 applied, 30 rejected (insufficient_funds 30);"
                    + " 1 account touched; details: --rejects FILE\n");
            assertThat(run.logs()).doesNotContain("\tat ").doesNotContain("DEBUG");
        }

        @Test
        void quietPrintsNothingButTheAccounts() throws IOException {
            Path input = thirtyWithdrawalsWithoutFunds("no-funds.csv");

            LoggedRun.Result run = LoggedRun.of(() -> Cli.run(input.toString(), "-q"));

            assertThat(run.cli().exitCode()).isZero();
            assertThat(run.cli().err()).isEmpty();
            assertThat(run.logs()).isEmpty();
            assertThat(run.cli().out()).isEqualTo(ACCOUNTS_HEADER + "1,0.0000,0.0000,0.0000,false\n");
        }

        @Test
        void onlyThisRunsRejectionsAreListedWhileTheReportCoversTheLedger() throws IOException {
            Path db = work.resolve("ledger.db");
            Path first = thirtyWithdrawalsWithoutFunds("first.csv");
            Path second = write("second.csv", "type,client,tx,amount\ndeposit,1,1,5\ndeposit,2,100,1\n");
            Path rejects = work.resolve("rejects.csv");
            assertThat(Cli.run(first.toString(), "--db", db.toString(), "-q").exitCode()).isZero();

            LoggedRun.Result run = LoggedRun.of(() -> Cli.run(second.toString(), "--db", db.toString(),
                    "--rejects", rejects.toString()));

            assertThat(withoutTime(run.cli().err())).isEqualTo(""
                    + rejected(second, 2, "duplicate_tx: tx 1 was already used by an earlier deposit or withdrawal;"
                    + " this row was not applied")
                    + "payonator: 2 rows from " + second + " in T s: 1 applied, 1 rejected (duplicate_tx 1);"
                    + " 2 accounts touched; rejects report: " + rejects + "\n");
            // nothing about the ledger's reserved tx ids, the projection or the heap
            assertThat(run.logs()).isEmpty();
            assertThat(Files.readAllLines(rejects)).hasSize(1 + 30 + 1);
        }

        /** Finding 3: {@code deposit, one, 7, 1} showed just {@code malformed}. */
        @Test
        void eachRejectionHasItsReasonInWordsOnStandardErrorAndInTheReport() throws IOException {
            Path input = write("words.csv", "type,client,tx,amount\ndeposit, one, 7, 1\n\"x,1,2\n");
            Path rejects = work.resolve("rejects.csv");

            Cli.Result result = Cli.run(input.toString(), "--rejects", rejects.toString());

            assertThat(withoutTime(result.err())).startsWith(""
                    + rejected(input, 2, "malformed: client 'one' is not an unsigned integer")
                    + rejected(input, 3, "malformed: unknown transaction type '\"x'"));
            assertThat(Files.readAllLines(rejects)).containsExactly("source,line,reason,detail",
                    input + ",2,malformed,client 'one' is not an unsigned integer",
                    input + ",3,malformed,\"unknown transaction type '\"\"x'\"");
        }

        /** Finding 9: {@code --rejects -} wrote a file named {@code -}. */
        @Test
        void rejectsDashIsStandardOutputWhenTheAccountsGoToAFile() throws IOException {
            Path input = write("in.csv", "type,client,tx,amount\nwithdrawal,3,1,5\n");
            Path accounts = work.resolve("accounts.csv");

            Cli.Result result = Cli.run(input.toString(), "--output", accounts.toString(), "--rejects", "-");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo(RejectsReports.HEADER + "\n"
                    + input + ",2,insufficient_funds,the available funds of client 3 are less than the amount\n");
            assertThat(accounts).hasContent(ACCOUNTS_HEADER + "3,0.0000,0.0000,0.0000,false");
            assertThat(withoutTime(result.err())).endsWith("; rejects report: standard output\n");
            assertThat(work.resolve("-")).doesNotExist();
        }

        @Test
        void rejectsDashWithTheAccountsOnStandardOutputIsAUsageError() throws IOException {
            Path input = write("in.csv", "type,client,tx,amount\nwithdrawal,3,1,5\n");

            Cli.Result result = Cli.run(input.toString(), "--rejects", "-");

            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).isEqualTo("payonator: --rejects - writes the rejects report to standard output,"
                    + " which carries the accounts: give --output FILE for them; see 'payonator --help'\n");
            assertThat(result.out()).isEmpty();
        }
    }

    /** Findings 7 and 8: stack traces, and the whole help for a bad flag. */
    @Nested
    class OneLineFailures {

        @Test
        void aFileThatIsNotALedgerIsRefusedBeforeAnythingIsCreatedBesideIt() throws IOException {
            Path csv = write("notadb.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
            String why = csv + ": not a payonator ledger (not an SQLite database)";

            Cli.Result imported = Cli.run(csv.toString(), "--db", csv.toString());
            Cli.Result served = Cli.run("serve", "--db", csv.toString(), "--token", "t", "--port", "0");
            Cli.Result accounts = Cli.run("accounts", "--db", csv.toString());
            Cli.Result replayed = Cli.run("replay", "--db", csv.toString());

            assertThat(imported.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(imported.err()).isEqualTo("payonator: --db " + why + "; see 'payonator --help'\n");
            assertThat(served.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(served.err()).isEqualTo("payonator: --db " + why + "; see 'payonator serve --help'\n");
            assertThat(List.of(accounts, replayed)).allSatisfy(result -> {
                assertThat(result.exitCode()).isEqualTo(ExitCode.UNREADABLE_INPUT);
                assertThat(result.err()).isEqualTo("payonator: " + why + "\n");
            });
            try (var files = Files.list(work)) {
                assertThat(files).containsExactly(csv);
            }
            assertThat(csv).hasContent("type,client,tx,amount\ndeposit,1,1,1");
        }

        @Test
        void anotherProgramsSqliteDatabaseIsNotALedger() throws IOException, SQLException {
            Path other = work.resolve("other.db");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)");
            }
            Path input = write("in.csv", "type,client,tx,amount\ndeposit,1,1,1\n");

            Cli.Result result = Cli.run(input.toString(), "--db", other.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).isEqualTo("payonator: --db " + other + ": not a payonator ledger (an SQLite"
                    + " database without its event store); see 'payonator --help'\n");
            assertThat(work.resolve("other.db.lock")).doesNotExist();
        }

        /** As root, permission bits do not bind; /sys refuses new files all the same. */
        @Test
        void anOutputThatCannotBeWrittenIsRefusedBeforeAnyWorkAlsoAsRoot() throws IOException {
            assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no /sys here");
            Path input = write("in.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
            Path db = work.resolve("ledger.db");

            Cli.Result rejects = Cli.run(input.toString(), "--db", db.toString(), "--rejects", "/sys/r.csv");
            Cli.Result output = Cli.run(input.toString(), "--db", db.toString(), "--output", "/sys/accounts.csv");

            assertThat(rejects.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(rejects.err()).isEqualTo("payonator: --rejects /sys/r.csv: cannot be written: permission"
                    + " denied; see 'payonator --help'\n");
            assertThat(output.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(output.err()).isEqualTo("payonator: --output /sys/accounts.csv: cannot be written:"
                    + " permission denied; see 'payonator --help'\n");
            assertThat(rejects.out() + output.out()).isEmpty();
            assertThat(db).doesNotExist();
        }

        @Test
        void twoOutputsOnOneFileIsAUsageError() throws IOException {
            Path input = write("in.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
            Path same = work.resolve("out.csv");

            Cli.Result result = Cli.run(input.toString(), "--output", same.toString(), "--rejects", same.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).isEqualTo("payonator: --output and --rejects name the same file, " + same
                    + "; see 'payonator --help'\n");
        }

        @Test
        void aBadOptionIsOneLineThatSaysWhereToReadMore() {
            assertUsageError(Cli.run("--bogus"), "unknown option: '--bogus'; see 'payonator --help'");
            assertUsageError(Cli.run("generate", "5", "--bogus"),
                    "unknown option: '--bogus'; see 'payonator generate --help'");
            assertUsageError(Cli.run("accounts"),
                    "missing required option: '--db=LEDGER'; see 'payonator accounts --help'");
            assertUsageError(Cli.run("in.csv", "--workers", "many"),
                    "invalid value for option '--workers': 'many' is not an int; see 'payonator --help'");
            assertUsageError(Cli.run(), "no input: give one or more transaction CSV files (- for standard input),"
                    + " or a command; see 'payonator --help'");
        }

        /** Finding 10: {@code generate -5} and {@code --malformed 2} exited 0; {@code --clients 0} with a trace. */
        @Test
        void generateChecksItsArguments() {
            assertUsageError(Cli.run("generate", "-5"), "ROWS must be 0 or more, not -5; see 'payonator generate --help'");
            assertUsageError(Cli.run("generate", "5", "--malformed", "2"),
                    "--malformed is a fraction between 0 and 1, not 2.0; see 'payonator generate --help'");
            assertUsageError(Cli.run("generate", "5", "--malformed", "NaN"),
                    "--malformed is a fraction between 0 and 1, not NaN; see 'payonator generate --help'");
            assertUsageError(Cli.run("generate", "5", "--clients", "0"),
                    "--clients must be between 1 and 65536, not 0; see 'payonator generate --help'");
            assertThat(Cli.run("generate", "0").out()).isEqualTo("type,client,tx,amount\n");
        }

        /** A failure that is no usage error: one line, exit 1; with {@code --debug}, its stack trace too. */
        @Test
        void aFailureIsOneLineAndDebugAddsItsStackTrace() throws IOException {
            Path db = work.resolve("ledger.db");
            Path input = write("in.csv", "type,client,tx,amount\ndeposit,1,1,1\n");
            Cli.Result plain;
            Cli.Result debug;
            try (Ledger held = Ledger.open(SqliteLocation.of(db))) {
                plain = Cli.run(input.toString(), "--db", db.toString());
                debug = Cli.run(input.toString(), "--db", db.toString(), "--debug");
            }

            String inUse = "payonator: " + db + " is in use by another payonator process (a serve, an import, a"
                    + " replay); stop it first\n";
            assertThat(plain.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(plain.err()).isEqualTo(inUse);
            assertThat(debug.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(debug.err()).startsWith(inUse + "io.payonator.ops.ledger.LedgerInUseException: ")
                    .contains("\tat io.payonator.ops.ledger.sqlite.SqliteFileLock.acquire(");
        }

        private static void assertUsageError(Cli.Result result, String message) {
            assertThat(result.exitCode()).as(message).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).isEqualTo("payonator: " + message + "\n");
            assertThat(result.out()).isEmpty();
        }
    }

    /** Finding 13. */
    @Nested
    class Basics {

        @Test
        void versionNamesTheCommit() {
            Cli.Result result = Cli.run("--version");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).matches("payonator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"
                    + "commit [0-9a-f]{7}( with uncommitted changes)?( of \\d{4}-\\d{2}-\\d{2})?\n");
        }

        @Test
        void completionScriptIsGeneratedFromTheCommandModelAndIsValidBash() throws Exception {
            Cli.Result result = Cli.run("completion", "bash");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).startsWith("#!/usr/bin/env bash")
                    .contains("complete -F _complete_payonator", "accounts", "replay", "serve", "generate",
                            "--rejects", "--output", "--quiet");
            Path script = Files.writeString(work.resolve("payonator.bash"), result.out());
            Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes())).isZero();
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    private Path thirtyWithdrawalsWithoutFunds(String name) throws IOException {
        List<String> rows = new ArrayList<>(List.of("type,client,tx,amount"));
        IntStream.rangeClosed(1, 30).forEach(tx -> rows.add("withdrawal,1," + tx + ",1"));
        return Files.write(work.resolve(name), rows);
    }

    private static String insufficientFunds(Path input, int fromLine, int toLine) {
        StringBuilder lines = new StringBuilder();
        for (int line = fromLine; line <= toLine; line++) {
            lines.append(rejected(input, line, "insufficient_funds: the available funds of client 1 are less than"
                    + " the amount"));
        }
        return lines.toString();
    }

    private static String rejected(Path input, int line, String reasonAndDetail) {
        return "payonator: rejected " + input + ":" + line + ": " + reasonAndDetail + "\n";
    }
}

package io.payonator.ops.cli;

import io.payonator.api.AccountBalance;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.query.AccountsCsv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the accounts CSV and the rejects report. */
final class Reports {

    static final String REJECTS_HEADER = "source,line,reason";

    private Reports() {
    }

    static void printAccounts(List<AccountBalance> accounts, PrintStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        AccountsCsv.write(accounts, writer);
        writer.flush();
    }

    static void writeRejects(LedgerQueries queries, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(REJECTS_HEADER);
            writer.write('\n');
            queries.forEachRejectedRow(row ->
                    writer.write(csvField(row.source()) + "," + row.line() + "," + row.reason().code() + "\n"));
        }
    }

    /** Each rejection on standard error, so none goes unreported when no rejects file is asked for. */
    static void listRejects(LedgerQueries queries, PrintStream err) throws IOException {
        queries.forEachRejectedRow(row ->
                err.println("rejected " + row.source() + ":" + row.line() + ": " + row.reason().code()));
    }

    /** File names may contain commas or quotes; quote them as RFC 4180 does. */
    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

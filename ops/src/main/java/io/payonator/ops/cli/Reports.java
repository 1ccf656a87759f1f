package io.payonator.ops.cli;

import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.RejectedRow;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.query.AccountsCsv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the accounts CSV and the rejects report, to a file or a standard stream. */
final class Reports {

    static final String REJECTS_HEADER = "source,line,reason,detail";

    private Reports() {
    }

    static void printAccounts(List<AccountBalance> accounts, OutputStream out) throws IOException {
        Writer writer = writer(out);
        AccountsCsv.write(accounts, writer);
        writer.flush();
    }

    static void writeAccounts(List<AccountBalance> accounts, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AccountsCsv.write(accounts, writer);
        }
    }

    static void writeRejects(LedgerQueries queries, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRejects(queries, writer);
        }
    }

    static void printRejects(LedgerQueries queries, OutputStream out) throws IOException {
        Writer writer = writer(out);
        writeRejects(queries, writer);
        writer.flush();
    }

    private static void writeRejects(LedgerQueries queries, Writer writer) throws IOException {
        writer.write(REJECTS_HEADER);
        writer.write('\n');
        queries.forEachRejectedRow(row -> writer.write(csvLine(row)));
    }

    private static String csvLine(RejectedRow row) {
        return csvField(row.source()) + "," + row.line() + "," + row.reason().code() + "," + csvField(row.detail())
                + "\n";
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** File names and details may contain commas or quotes; quote them as RFC 4180 does. */
    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

package io.payonator.ops.jmh;

import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.csv.TransactionCsvReader;
import io.payonator.ops.generate.TransactionGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The import's CSV reader, per row, against reading the same bytes as lines and doing nothing
 * with them (the baseline: decoding and line splitting, which any reader pays).
 */
public class CsvParsingBenchmark extends MicroBenchmark {

    static final int ROWS = 100_000;

    private byte[] csv;

    @Setup
    public void generate() throws Exception {
        StringWriter out = new StringWriter();
        new TransactionGenerator(1, 10_000, 0.01).write(ROWS, out);
        csv = out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long readLinesBaseline() throws Exception {
        long length = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                length += line.length();
            }
        }
        return length;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseRows() throws Exception {
        long fields = 0;
        try (TransactionCsvReader reader = TransactionCsvReader.open("bench.csv", new ByteArrayInputStream(csv))) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                fields += row.fields().length;
            }
        }
        return fields;
    }
}

package io.payonator.ops.jmh;

import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.csv.TransactionCsvReader;
import io.payonator.ops.generate.TransactionGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The import's CSV reader, per row, against reading the same bytes as lines and doing nothing
 * with them (the baseline: decoding and line splitting, which any reader pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvParsingBenchmark {

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

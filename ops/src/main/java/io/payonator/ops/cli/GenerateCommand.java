package io.payonator.ops.cli;

import io.payonator.ops.generate.TransactionGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code payonator generate ROWS}: writes a deterministic realistic transactions CSV to standard output. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a generated transactions CSV (all five types, some malformed rows) to standard output.")
final class GenerateCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(paramLabel = "ROWS", description = "Number of data rows.")
    private long rows;

    @Option(names = "--clients", paramLabel = "C", description = "Distinct clients (default: 10000).")
    private int clients = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same file.")
    private long seed = 1;

    @Option(names = "--malformed", paramLabel = "FRACTION", description = "Fraction of malformed rows (default: 0.01).")
    private double malformed = 0.01;

    GenerateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Writer out = new BufferedWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8), 1 << 16);
        new TransactionGenerator(seed, clients, malformed).write(rows, out);
        return ExitCode.OK;
    }
}

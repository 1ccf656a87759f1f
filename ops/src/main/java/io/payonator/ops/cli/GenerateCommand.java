package io.payonator.ops.cli;

import io.payonator.ops.generate.TransactionGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code payonator generate ROWS}: writes a deterministic realistic transactions CSV to standard output. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a generated transactions CSV (all five types, some malformed rows) to standard output.")
final class GenerateCommand implements Callable<Integer> {

    static final int MAX_CLIENTS = 65_536;

    private final Console console;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerbosityOptions verbosity;

    @Parameters(paramLabel = "ROWS", description = "Number of data rows, 0 or more.")
    private long rows;

    @Option(names = "--clients", paramLabel = "C", description = "Distinct clients, 1.." + MAX_CLIENTS
            + " (default: 10000).")
    private int clients = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives the same file.")
    private long seed = 1;

    @Option(names = "--malformed", paramLabel = "FRACTION",
            description = "Fraction of malformed rows, 0 to 1 (default: 0.01).")
    private double malformed = 0.01;

    GenerateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        checkUsage();
        Writer out = new BufferedWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8), 1 << 16);
        new TransactionGenerator(seed, clients, malformed).write(rows, out);
        return ExitCode.OK;
    }

    private void checkUsage() {
        if (rows < 0) {
            throw usageError("ROWS must be 0 or more, not " + rows);
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw usageError("--clients must be between 1 and " + MAX_CLIENTS + ", not " + clients);
        }
        // written so that NaN fails too
        if (!(malformed >= 0 && malformed <= 1)) {
            throw usageError("--malformed is a fraction between 0 and 1, not " + malformed);
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

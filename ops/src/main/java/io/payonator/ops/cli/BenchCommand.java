package io.payonator.ops.cli;

import io.payonator.ops.ledger.postgres.PostgresLocation;
import io.payonator.ops.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code payonator bench}: measures an import against the floor, and replay, as child processes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures an import and a replay.", "Generates (or takes) a file, imports it into a fresh"
                + " ledger in a child process, and prints rows/s, events/s, projection catch-up, peak heap, the floor"
                + " (parse + raw JDBC insert) and the ratio; then times a replay of that ledger."})
final class BenchCommand implements Callable<Integer> {

    private final Console console;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerbosityOptions verbosity;

    @Option(names = "--rows", paramLabel = "N", description = "Rows to generate (default: 1000000).")
    private long rows = 1_000_000;

    @Option(names = "--input", paramLabel = "FILE", description = "Use this file instead of generating one.")
    private Path input;

    @Option(names = "--workers", paramLabel = "N", description = "Import workers (default: cores).")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--clients", paramLabel = "C", description = "Clients in the generated file (default: 10000).")
    private int clients = 10_000;

    @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: 1).")
    private long seed = 1;

    @Option(names = "--jvm-opt", paramLabel = "OPTION", description = "JVM option for the child processes, e.g. -Xmx512m.")
    private List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR", description = "Directory for the files (default: a temporary one).")
    private Path work;

    @Option(names = "--postgres", paramLabel = "URL",
            description = "Also import into and replay this PostgreSQL database, which must hold no ledger yet"
                    + " (jdbc:postgresql://HOST:PORT/DATABASE?user=NAME), beside the SQLite figures of the same run.")
    private String postgres;

    BenchCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        checkUsage();
        Bench.Settings settings = new Bench.Settings(rows, input, workers, clients, seed, jvmOptions, work, postgres);
        return new Bench(settings, console.err()).run() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private void checkUsage() {
        if (postgres != null && (!PostgresLocation.names(postgres) || PostgresLocation.parse(postgres).exists())) {
            throw usageError("--postgres " + PostgresLocation.withoutPassword(postgres)
                    + ": give the URL of a PostgreSQL database that holds no ledger yet");
        }
        if (rows < 10 && input == null) {
            throw usageError("--rows must be 10 or more, not " + rows);
        }
        if (workers < 1 || workers > ImportCommand.MAX_WORKERS) {
            throw usageError("--workers must be between 1 and " + ImportCommand.MAX_WORKERS + ", not " + workers);
        }
        if (clients < 1 || clients > GenerateCommand.MAX_CLIENTS) {
            throw usageError("--clients must be between 1 and " + GenerateCommand.MAX_CLIENTS + ", not " + clients);
        }
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

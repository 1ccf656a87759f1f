package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerUnreachableException;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's entry point, in-process: parses the arguments, runs the command with the given
 * streams and returns the exit code. {@code main} and the tests both come through here.
 */
public final class CommandLineInterface {

    private CommandLineInterface() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Console console = new Console(in, out, err);
        CommandLine cli = new CommandLine(ImportCommand.class, new ConsoleFactory(console));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            console.error(exception.getMessage() == null ? exception.toString() : exception.getMessage());
            if (exception instanceof LedgerUnreachableException) {
                // wrong credentials, an unknown host or a missing database: the --db argument is at fault
                return ExitCode.USAGE;
            }
            if (!(exception instanceof LedgerInUseException)) {
                exception.printStackTrace(err);
            }
            return ExitCode.FAILURE;
        });
        return cli.execute(args);
    }

    /** Builds commands with the console they print to. */
    private record ConsoleFactory(Console console) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ImportCommand.class) {
                return type.cast(new ImportCommand(console));
            }
            if (type == AccountsCommand.class) {
                return type.cast(new AccountsCommand(console));
            }
            if (type == ReplayCommand.class) {
                return type.cast(new ReplayCommand(console));
            }
            if (type == ServeCommand.class) {
                return type.cast(new ServeCommand(console));
            }
            if (type == BenchCommand.class) {
                return type.cast(new BenchCommand(console));
            }
            if (type == GenerateCommand.class) {
                return type.cast(new GenerateCommand(console));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}

package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerUnreachableException;
import org.springframework.boot.logging.LoggingSystem;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The command line's entry point, in-process: parses the arguments, runs the command with the given
 * streams and returns the exit code. {@code main} and the tests both come through here.
 *
 * <p>Whatever goes wrong ends in one line on standard error: a usage error with where to read
 * more (exit 2), a failure with its cause (exit 1); the stack trace only with {@code --debug}.
 */
public final class CommandLineInterface {

    static {
        // logback is configured once from logback.xml, and each run sets its levels (Verbosity):
        // Spring Boot would reset both whenever a ledger is opened
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }

    private CommandLineInterface() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Console console = new Console(in, out, err);
        return commandLine(console).execute(args);
    }

    /** The command model, also what completion scripts and the man page are generated from. */
    static CommandLine commandLine(Console console) {
        CommandLine cli = new CommandLine(ImportCommand.class, new Factory(console));
        cli.setOut(new PrintWriter(console.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(console.err(), true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((exception, args) -> usageError(console, exception));
        cli.setExecutionStrategy(parseResult -> execute(console, parseResult));
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            console.error(Failures.oneLine(exception));
            console.trace(exception);
            // wrong credentials, an unknown host or a missing database: the --db argument is at fault
            return exception instanceof LedgerUnreachableException ? ExitCode.USAGE : ExitCode.FAILURE;
        });
        return cli;
    }

    private static int usageError(Console console, ParameterException exception) {
        String name = exception.getCommandLine().getCommandSpec().qualifiedName();
        console.error(lowerCaseFirst(firstLine(exception.getMessage())) + "; see '" + name + " --help'");
        console.trace(exception);
        return ExitCode.USAGE;
    }

    private static int execute(Console console, ParseResult parseResult) {
        List<CommandLine> commands = parseResult.asCommandLineList();
        Object command = commands.get(commands.size() - 1).getCommand();
        if (command instanceof ServeCommand) {
            console.verbosity().applyToService();
        } else {
            console.verbosity().applyToCommand();
        }
        // after the levels are set: its fallback is logged at debug level
        SqliteNativeLibrary.useKeptCopy();
        return new CommandLine.RunLast().execute(parseResult);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** picocli's messages start with a capital, ours do not: one style on one stream. */
    private static String lowerCaseFirst(String message) {
        if (message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1))) {
            return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        return message;
    }

    /**
     * Builds commands, and their options, with the console they print to. Public for picocli's own
     * tools, which build the command model from it: the man page generator (ops/pom.xml).
     */
    public static final class Factory implements CommandLine.IFactory {

        private final Console console;

        public Factory() {
            this(new Console(System.in, System.out, System.err));
        }

        Factory(Console console) {
            this.console = console;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.cast(type.getDeclaredConstructor(Console.class).newInstance(console));
            } catch (NoSuchMethodException noConsole) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}

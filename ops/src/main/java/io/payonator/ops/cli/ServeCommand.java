package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerFiles;
import io.payonator.ops.web.LedgerService;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code payonator serve --db PATH}: the ledger as a web service, until the process is stopped
 * (Ctrl-C, SIGTERM). Writes need a bearer token; without one it does not start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a ledger over HTTP.", "Balances and history are open; transactions and replay need"
                + " the bearer token. OpenAPI at /v3/api-docs, Swagger UI at /swagger-ui.html."})
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "PAYONATOR_TOKEN";

    private final Console console;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerbosityOptions verbosity;

    @Option(names = "--db", paramLabel = "PATH", required = true,
            description = "The ledger file (created if missing), the same the command line imports into.")
    private Path db;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: 8080; 0 for any free port).")
    private int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1).")
    private String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:" + TOKEN_VARIABLE + "}",
            description = "Bearer token for writes (default: the environment variable " + TOKEN_VARIABLE + ")."
                    + " Required.")
    private String token;

    ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        checkUsage();
        if (!Files.exists(db)) {
            console.notice(db + " does not exist yet: serving a new, empty ledger there");
        }
        LedgerService service;
        try {
            service = LedgerService.start(new LedgerService.Settings(db, port, bind, token));
        } catch (RuntimeException e) {
            return failedStart(e);
        }
        console.err().println("payonator: serving " + db + " at " + service.uri()
                + " (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui.html); stop with Ctrl-C");
        awaitShutdown(service);
        return ExitCode.OK;
    }

    /** Usage errors, found before the ledger is touched. */
    private void checkUsage() {
        if (token == null || token.isBlank()) {
            throw usageError("serve needs a token for writes: give --token T or set " + TOKEN_VARIABLE);
        }
        if (port < 0 || port > 65_535) {
            throw usageError("--port must be 0..65535");
        }
        String unusableBind = unusableBind(bind);
        if (unusableBind != null) {
            throw usageError(unusableBind);
        }
        OutputPaths.problemWith(db, "--db").ifPresent(problem -> {
            throw usageError(problem);
        });
        LedgerFiles.notALedger(db).ifPresent(why -> {
            throw usageError("--db " + db + ": " + why);
        });
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Why {@code bind} cannot be listened on, or {@code null}: found out before the ledger is touched,
     * where Spring would only fail with pages of stack traces once the ledger is open.
     */
    private static String unusableBind(String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return "--bind " + bind + ": no such address or host name";
        }
        try {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return null;
            }
        } catch (SocketException e) {
            return "--bind " + bind + ": cannot list this machine's addresses: " + e.getMessage();
        }
        return "--bind " + bind + ": " + address.getHostAddress() + " is not an address of this machine";
    }

    /**
     * Says why the service did not start. A ledger file this run created is gone already (see
     * {@code Ledger}): a failed start leaves no empty ledger behind.
     */
    private int failedStart(RuntimeException failure) {
        PortInUseException inUse = portInUse(failure);
        if (inUse == null) {
            throw failure;
        }
        console.error("cannot listen on " + bind + ":" + inUse.getPort() + ": the port is in use");
        return ExitCode.FAILURE;
    }

    /** Stops the service when the JVM is asked to stop, and returns then. */
    private static void awaitShutdown(LedgerService service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "payonator-serve-shutdown"));
        stopped.await();
    }

    private static PortInUseException portInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortInUseException inUse) {
                return inUse;
            }
        }
        return null;
    }
}

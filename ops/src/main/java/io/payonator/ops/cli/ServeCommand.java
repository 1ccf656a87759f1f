package io.payonator.ops.cli;

import io.payonator.ops.web.LedgerService;
import org.springframework.boot.web.server.PortInUseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code payonator serve --db PATH}: the ledger as a web service, until the process is stopped
 * (Ctrl-C, SIGTERM). Writes need a bearer token; without one it does not start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a ledger over HTTP: balances and history (open), transactions and replay (bearer"
                + " token). OpenAPI at /v3/api-docs, Swagger UI at /swagger-ui.html.")
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "PAYONATOR_TOKEN";

    private final Console console;

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
        if (token == null || token.isBlank()) {
            console.error("serve needs a token for writes: give --token T or set " + TOKEN_VARIABLE);
            return ExitCode.USAGE;
        }
        if (port < 0 || port > 65_535) {
            console.error("--port must be 0..65535");
            return ExitCode.USAGE;
        }
        String unusableBind = unusableBind(bind);
        if (unusableBind != null) {
            console.error(unusableBind);
            return ExitCode.USAGE;
        }
        Optional<String> unusableDb = OutputPaths.problemWith(db, "--db");
        if (unusableDb.isPresent()) {
            console.error(unusableDb.get());
            return ExitCode.USAGE;
        }
        boolean created = !Files.exists(db);
        if (created) {
            console.error(db + " does not exist yet: serving a new, empty ledger there");
        }
        LedgerService service;
        try {
            service = LedgerService.start(new LedgerService.Settings(db, port, bind, token));
        } catch (RuntimeException e) {
            return failedStart(e, created);
        }
        console.err().println("payonator: serving " + db + " at " + service.uri()
                + " (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui.html); stop with Ctrl-C");
        awaitShutdown(service);
        return ExitCode.OK;
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

    /** Says why the service did not start, after removing the ledger this run created for it. */
    private int failedStart(RuntimeException failure, boolean created) {
        PortInUseException inUse = portInUse(failure);
        if (inUse != null) {
            console.error("cannot listen on " + bind + ":" + inUse.getPort() + ": the port is in use");
        }
        if (created) {
            removeNewLedger(failure);
        }
        if (inUse == null) {
            throw failure;
        }
        return ExitCode.FAILURE;
    }

    /**
     * A start that failed leaves no empty ledger behind, only its lock file (as every run does). The
     * failed start has let go of the ledger's lock (LedgerLock, on {@code PATH.lock}): the files are
     * removed under that lock, taken again, so a process that opened the new ledger meanwhile keeps it.
     */
    private void removeNewLedger(RuntimeException failure) {
        try (FileChannel lockFile = FileChannel.open(Path.of(db + ".lock"), StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                console.error(db + " stays: another payonator process has opened it");
                return;
            }
            for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
            console.error("removed " + db + ", which this run had created");
        } catch (IOException | OverlappingFileLockException e) {
            failure.addSuppressed(e);
            console.error("could not remove " + db + ", which this run had created: " + e.getMessage());
        }
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

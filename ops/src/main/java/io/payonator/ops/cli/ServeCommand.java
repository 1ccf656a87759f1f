package io.payonator.ops.cli;

import io.payonator.ops.cluster.ClusterSettings;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.web.LedgerService;
import io.payonator.ops.web.security.SecurityConfiguration;
import io.payonator.ops.web.security.TokenFile;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code payonator serve --db PATH}: the ledger as a web service, until the process is stopped
 * (Ctrl-C, SIGTERM). Every call but health needs a bearer token with a role; without any token it
 * does not start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a ledger over HTTP: balances and history (read role), transactions (write role),"
                + " replay (admin role), each with a bearer token. OpenAPI at /v3/api-docs, Swagger UI at"
                + " /swagger-ui.html.")
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "PAYONATOR_TOKEN";

    private final Console console;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VerbosityOptions verbosity;

    @Option(names = "--db", paramLabel = "LEDGER", required = true, converter = LedgerLocations.class,
            description = "The ledger (created if missing), the same the command line imports into: a SQLite file"
                    + " or a PostgreSQL URL jdbc:postgresql://HOST:PORT/DATABASE?user=NAME.")
    private LedgerLocation db;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: 8080; 0 for any free port).")
    private int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1).")
    private String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:" + TOKEN_VARIABLE + "}",
            description = "A bearer token with the admin role, in clear (default: the environment variable "
                    + TOKEN_VARIABLE + "). This, --tokens or " + SecurityConfiguration.TOKENS_VARIABLE + " is required.")
    private String token;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Tokens with roles: one role:hash a line (read, write or admin; the token's bcrypt hash,"
                    + " cost 10 or more, e.g. from htpasswd -nbBC 12 '' TOKEN). The environment variable "
                    + SecurityConfiguration.TOKENS_VARIABLE + " may hold the same entries, separated by spaces.")
    private Path tokensFile;

    @Option(names = "--open-reads",
            description = "Reads (balances, history, metrics) need no token. Writes and replay still do.")
    private boolean openReads;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (PEM);"
            + " needs --tls-key.")
    private Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert (PEM, unencrypted).")
    private Path tlsKey;

    @Option(names = "--public-url", paramLabel = "URL", description = "The address clients reach the service at"
            + " (e.g. https://ledger.example.com behind a proxy), for the OpenAPI document's server. Without it"
            + " the document names its server relative to itself (/).")
    private String publicUrl;

    @Mixin
    private ClusterOptions cluster;

    ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        String tokens = System.getenv(SecurityConfiguration.TOKENS_VARIABLE);
        Optional<URI> url = publicUrl == null ? Optional.empty() : publicUrl(publicUrl);
        checkUsage(tokens, url);
        ClusterSettings node = clusterSettings();
        if (!db.exists()) {
            console.notice(db + " does not exist yet: serving a new, empty ledger there");
        }
        warnAboutExposure();
        LedgerService service;
        try {
            service = LedgerService.start(new LedgerService.Settings(db, port, bind, token).withTokensFile(tokensFile)
                    .withTokens(tokens).withOpenReads(openReads).withPublicUrl(url.orElse(null))
                    .withTls(tlsCertificate == null ? null : new LedgerService.Tls(tlsCertificate, tlsKey))
                    .withCluster(node));
        } catch (RuntimeException e) {
            return failedStart(e);
        }
        console.err().println("payonator: serving " + db + " at " + service.uri()
                + (node == null ? "" : " as " + node)
                + " (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui.html); stop with Ctrl-C");
        awaitShutdown(service);
        return ExitCode.OK;
    }

    /** The node's cluster, or {@code null} when it serves alone. The secret is never echoed. */
    private ClusterSettings clusterSettings() {
        try {
            return cluster.settings(db);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** Why the tokens cannot be used: none at all, or a tokens file or variable that does not read. */
    private Optional<String> problemWithTokens(String tokens) {
        boolean shortcut = token != null && !token.isBlank();
        boolean variable = tokens != null && !tokens.isBlank();
        if (!shortcut && tokensFile == null && !variable) {
            return Optional.of("serve needs a token for writes: give --token T or set " + TOKEN_VARIABLE
                    + ", or give tokens with roles: --tokens FILE or " + SecurityConfiguration.TOKENS_VARIABLE);
        }
        try {
            if (tokensFile != null) {
                TokenFile.read(tokensFile);
            }
            if (variable) {
                TokenFile.parse(tokens, SecurityConfiguration.TOKENS_VARIABLE);
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("--tokens: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<String> problemWithTls() {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            return Optional.of("--tls-cert and --tls-key go together: give both PEM files, or neither");
        }
        for (Path pem : new Path[]{tlsCertificate, tlsKey}) {
            if (pem != null && !Files.isReadable(pem)) {
                return Optional.of(pem + ": cannot read this PEM file");
            }
        }
        return Optional.empty();
    }

    private static Optional<URI> publicUrl(String text) {
        try {
            URI url = new URI(text);
            boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            return web && url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null
                    ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Says so when balances are open to a network, or a tokens file can be read by others. */
    private void warnAboutExposure() throws UnknownHostException {
        if (openReads && !InetAddress.getByName(bind).isLoopbackAddress()) {
            console.error("warning: --open-reads on " + bind + ", which is not a loopback address: anyone who can"
                    + " reach it reads every balance and transaction");
        }
        if (tokensFile != null && readableByOthers(tokensFile)) {
            console.error("warning: " + tokensFile + " can be read by other users of this machine (chmod 600 it)");
        }
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return false;
        }
    }

    /** Usage errors, found before the ledger is touched. */
    private void checkUsage(String tokens, Optional<URI> url) {
        problemWithTokens(tokens).ifPresent(problem -> {
            throw usageError(problem);
        });
        problemWithTls().ifPresent(problem -> {
            throw usageError(problem);
        });
        if (publicUrl != null && url.isEmpty()) {
            throw usageError("--public-url " + publicUrl + ": give an absolute http or https URL without query or"
                    + " fragment, such as https://ledger.example.com");
        }
        if (port < 0 || port > 65_535) {
            throw usageError("--port must be 0..65535");
        }
        String unusableBind = unusableBind(bind);
        if (unusableBind != null) {
            throw usageError(unusableBind);
        }
        db.file().flatMap(file -> OutputPaths.problemWith(file, "--db")).ifPresent(problem -> {
            throw usageError(problem);
        });
        db.notALedger().ifPresent(why -> {
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

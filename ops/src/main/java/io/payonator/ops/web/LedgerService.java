package io.payonator.ops.web;

import io.payonator.ops.cluster.ClusterSettings;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.web.security.SecurityConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A running service over one ledger: what {@code payonator serve} starts, and the tests too. */
public final class LedgerService implements AutoCloseable {

    /** The web server's certificate chain and private key, PEM files. */
    public record Tls(Path certificate, Path privateKey) {
    }

    /**
     * @param port       0 for any free port
     * @param token      the single admin token ({@code --token}), or {@code null}
     * @param tokensFile a file of {@code role:hash} lines ({@code --tokens}), or {@code null}
     * @param tokens     the same entries separated by white space ({@code PAYONATOR_TOKENS}), or {@code null}
     * @param openReads  reads need no token
     * @param tls        HTTPS with these PEM files, or {@code null} for plain HTTP
     * @param publicUrl  the address clients use, for the OpenAPI document, or {@code null}
     * @param cluster    this node's cluster, or {@code null} to serve alone
     */
    public record Settings(LedgerLocation db, int port, String bind, String token, Path tokensFile, String tokens,
                           boolean openReads, Tls tls, URI publicUrl, ClusterSettings cluster) {

        public Settings(LedgerLocation db, int port, String bind, String token) {
            this(db, port, bind, token, null, null, false, null, null, null);
        }

        public Settings withCluster(ClusterSettings node) {
            return new Settings(db, port, bind, token, tokensFile, tokens, openReads, tls, publicUrl, node);
        }

        public Settings withTokensFile(Path file) {
            return new Settings(db, port, bind, token, file, tokens, openReads, tls, publicUrl, cluster);
        }

        public Settings withTokens(String entries) {
            return new Settings(db, port, bind, token, tokensFile, entries, openReads, tls, publicUrl, cluster);
        }

        public Settings withOpenReads(boolean open) {
            return new Settings(db, port, bind, token, tokensFile, tokens, open, tls, publicUrl, cluster);
        }

        public Settings withTls(Tls https) {
            return new Settings(db, port, bind, token, tokensFile, tokens, openReads, https, publicUrl, cluster);
        }

        public Settings withPublicUrl(URI url) {
            return new Settings(db, port, bind, token, tokensFile, tokens, openReads, tls, url, cluster);
        }
    }

    private static final String TLS_BUNDLE = "payonator";

    private final Ledger ledger;
    private final Path webFolder;
    private final boolean https;

    private LedgerService(Ledger ledger, Path webFolder, boolean https) {
        this.ledger = ledger;
        this.webFolder = webFolder;
        this.https = https;
    }

    public static LedgerService start(Settings settings) {
        Path webFolder = newWebFolder();
        try {
            Map<String, Object> properties = properties(settings, webFolder);
            Ledger ledger;
            if (settings.cluster() == null) {
                ledger = Ledger.serve(settings.db(), ServiceConfiguration.class, properties);
            } else {
                properties.putAll(settings.cluster().properties());
                ledger = Ledger.serveInCluster(settings.db(), ClusterSettings.name(settings.cluster().bind()),
                        ServiceConfiguration.class, properties);
            }
            return new LedgerService(ledger, webFolder, settings.tls() != null);
        } catch (RuntimeException e) {
            deleteQuietly(webFolder, e);
            throw e;
        }
    }

    private static Map<String, Object> properties(Settings settings, Path webFolder) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", settings.port());
        properties.put("server.address", settings.bind());
        properties.put("server.tomcat.basedir", webFolder.toString());
        // the disk that matters is the ledger's, where it is on this machine; a database server's is its own
        settings.db().file().ifPresentOrElse(
                file -> properties.put("management.health.diskspace.path", file.toAbsolutePath().getParent().toString()),
                () -> properties.put("management.health.diskspace.enabled", false));
        putIfGiven(properties, SecurityConfiguration.TOKEN_PROPERTY, settings.token());
        putIfGiven(properties, SecurityConfiguration.TOKENS_FILE_PROPERTY,
                settings.tokensFile() == null ? null : settings.tokensFile().toAbsolutePath().toString());
        putIfGiven(properties, SecurityConfiguration.TOKENS_PROPERTY, settings.tokens());
        properties.put(SecurityConfiguration.OPEN_READS_PROPERTY, settings.openReads());
        if (settings.publicUrl() != null) {
            properties.put(ServiceConfiguration.PUBLIC_URL_PROPERTY, settings.publicUrl().toString());
        }
        if (settings.tls() != null) {
            String bundle = "spring.ssl.bundle.pem." + TLS_BUNDLE + ".keystore.";
            properties.put(bundle + "certificate", "file:" + settings.tls().certificate().toAbsolutePath());
            properties.put(bundle + "private-key", "file:" + settings.tls().privateKey().toAbsolutePath());
            properties.put("server.ssl.bundle", TLS_BUNDLE);
            properties.put("server.servlet.session.cookie.secure", true);
        }
        return properties;
    }

    private static void putIfGiven(Map<String, Object> properties, String name, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(name, value);
        }
    }

    /** Tomcat's own folder, owner-only (as every temporary folder Java makes), deleted when the service stops. */
    private static Path newWebFolder() {
        try {
            return Files.createTempDirectory("payonator-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the web server's folder: " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) ledger.context()).getWebServer().getPort();
    }

    public URI uri() {
        String host = ledger.context().getEnvironment().getProperty("server.address", "127.0.0.1");
        return URI.create((https ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port());
    }

    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        try {
            ledger.close();
        } finally {
            delete(webFolder);
        }
    }

    private static void deleteQuietly(Path folder, RuntimeException failure) {
        try {
            delete(folder);
        } catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the web server's folder " + folder + ": " + e.getMessage(), e);
        }
    }
}

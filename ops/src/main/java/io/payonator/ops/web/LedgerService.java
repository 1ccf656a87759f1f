package io.payonator.ops.web;

import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerLocation;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** A running service over one ledger file: what {@code payonator serve} starts, and the tests too. */
public final class LedgerService implements AutoCloseable {

    /**
     * @param port  0 for any free port
     * @param token the bearer token writes need
     */
    public record Settings(LedgerLocation db, int port, String bind, String token) {
    }

    private final Ledger ledger;

    private LedgerService(Ledger ledger) {
        this.ledger = ledger;
    }

    public static LedgerService start(Settings settings) {
        return new LedgerService(Ledger.serve(settings.db(), ServiceConfiguration.class, Map.of(
                "server.port", settings.port(),
                "server.address", settings.bind(),
                ServiceConfiguration.TOKEN_PROPERTY, settings.token())));
    }

    public int port() {
        return ((WebServerApplicationContext) ledger.context()).getWebServer().getPort();
    }

    public URI uri() {
        String host = ledger.context().getEnvironment().getProperty("server.address", "127.0.0.1");
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        ledger.close();
    }
}

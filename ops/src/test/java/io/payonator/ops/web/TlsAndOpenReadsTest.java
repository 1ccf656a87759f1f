package io.payonator.ops.web;

import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service as it runs when reachable from a network: HTTPS from PEM files, reads open
 * ({@code --open-reads}), and a public URL for the OpenAPI document. Writes still need a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsAndOpenReadsTest {

    private static final Path TLS = Path.of("src/test/resources/tls").toAbsolutePath();
    private static final String PUBLIC_URL = "https://ledger.example.com";

    private LedgerService service;
    private Http http;

    @BeforeAll
    void serve(@TempDir Path work) throws Exception {
        service = LedgerService.start(new LedgerService.Settings(SqliteLocation.of(work.resolve("ledger.db")), 0, "127.0.0.1", "admin-t")
                .withOpenReads(true).withPublicUrl(URI.create(PUBLIC_URL))
                .withTls(new LedgerService.Tls(TLS.resolve("cert.pem"), TLS.resolve("key.pem"))));
        http = new Http(service.uri(), null, HttpClient.newBuilder().sslContext(trusting(TLS.resolve("cert.pem")))
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void servesHttpsWithTheGivenCertificate() {
        assertThat(service.uri().getScheme()).isEqualTo("https");
        assertThat(http.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readsAreOpenAndWritesStillNeedAToken() {
        Http.Response posted = http.post("/transactions", "application/json",
                "{\"type\":\"deposit\",\"client\":1,\"tx\":1,\"amount\":\"1\"}", null);
        Http.Response written = http.post("/transactions", "application/json",
                "{\"type\":\"deposit\",\"client\":1,\"tx\":1,\"amount\":\"1\"}", "Bearer admin-t");

        assertThat(posted.status()).isEqualTo(401);
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(http.get("/accounts").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").json().has("components")).as("health details need a token").isFalse();
    }

    @Test
    void theOpenApiServerIsThePublicUrl() {
        assertThat(http.get("/v3/api-docs").json().get("servers").get(0).get("url").asText()).isEqualTo(PUBLIC_URL);
        assertThat(http.get("/v3/api-docs/swagger-config").body()).contains(PUBLIC_URL + "/swagger-ui/oauth2-redirect.html");
    }

    @Test
    void theSessionCookieIsSecureUnderTls() {
        Http.Response signIn = http.request("POST", "/session", Map.of("Authorization", "Bearer admin-t"), null);

        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.header("Set-Cookie").orElseThrow()).contains("Secure").contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("service", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}

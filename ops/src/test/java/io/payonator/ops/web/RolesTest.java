package io.payonator.ops.web;

import io.payonator.ops.ledger.sqlite.SqliteLocation;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles over real HTTP, on a service whose tokens come from a tokens file (bcrypt hashes) and
 * which has no --token: each role does what it may and nothing more; a browser signs in with a
 * token into a session cookie whose actions need the CSRF token; every write and admin action
 * leaves one audit line, which never holds the token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEPOSIT = "{\"type\":\"deposit\",\"client\":%d,\"tx\":%d,\"amount\":\"1\"}";

    private final AtomicInteger nextTx = new AtomicInteger(700_000);
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private Path auditFile;
    private LedgerService service;
    private Http http;

    @BeforeAll
    void serve(@TempDir Path work) throws IOException {
        auditFile = work.resolve("audit.log");
        System.setProperty("payonator.audit.file", auditFile.toString());
        try {
            service = LedgerService.start(new LedgerService.Settings(SqliteLocation.of(work.resolve("ledger.db")), 0, "127.0.0.1", null)
                    .withTokensFile(TestTokens.file(work)));
        } finally {
            System.clearProperty("payonator.audit.file");
        }
        audit.start();
        ((Logger) LoggerFactory.getLogger(RequestTrail.AUDIT_LOGGER)).addAppender(audit);
        http = new Http(service.uri());
        Http.Response opened = post(TestTokens.ADMIN, 1);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(RequestTrail.AUDIT_LOGGER)).detachAppender(audit);
        if (service != null) {
            service.close();
        }
    }

    /** {@code none} is no Authorization header; {@code wrong} a token that is not the service's. */
    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            "none,  GET,  /accounts/1,            401",
            "none,  GET,  /accounts,              401",
            "none,  GET,  /transactions/700000,   401",
            "none,  GET,  /accounts/1/transactions, 401",
            "none,  GET,  /actuator/prometheus,   401",
            "none,  GET,  /actuator/health,       200",
            "none,  GET,  /v3/api-docs,           200",
            "none,  POST, /transactions,          401",
            "none,  POST, /admin/replay,          401",
            "wrong, GET,  /accounts/1,            401",
            "read,  GET,  /accounts/1,            200",
            "read,  GET,  /accounts,              200",
            "read,  GET,  /accounts/1/transactions, 200",
            "read,  GET,  /actuator/prometheus,   200",
            "read,  POST, /transactions,          403",
            "read,  POST, /admin/replay,          403",
            "write, GET,  /accounts/1,            200",
            "write, POST, /transactions,          200",
            "write, POST, /admin/replay,          403",
            "admin, GET,  /accounts/1,            200",
            "admin, POST, /transactions,          200",
            "admin, POST, /admin/replay,          200"})
    void eachRoleDoesWhatItMayAndNothingMore(String who, String method, String path, int status) {
        Http.Response response = as(who, method, path);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        }
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        }
    }

    /**
     * The authorization rules match paths as Spring MVC routes them, whatever the matcher: a
     * trailing slash, a {@code ;} path parameter, an escaped letter, another case or an empty
     * segment never reaches a handler with less than its role. Spring Security's firewall refuses a
     * {@code ;} and an empty segment (400); {@code /admin/**} takes a trailing slash too; the others
     * fall to "any other request needs a token", and Spring MVC finds no handler for them (404), or
     * takes the escaped letter for its own (the rule's role then).
     */
    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            "read,  POST, /transactions/,          404",
            "read,  POST, /transactions;x=1,       400",
            "read,  POST, /transact%69ons,         403",
            "read,  POST, /TRANSACTIONS,           404",
            "read,  POST, /transactions//,         400",
            "write, POST, /admin/replay/,          403",
            "write, POST, /admin;x=1/replay,       400",
            "write, POST, /%61dmin/replay,         403",
            "none,  GET,  /accounts/,              401",
            "none,  GET,  /accounts/1/,            401",
            "none,  GET,  /accounts;x=1/1,         400",
            "none,  GET,  /%61ccounts/1,           401",
            "none,  GET,  /transactions/700000/,   401",
            "none,  GET,  /transactions/700000;x=1, 400",
            "none,  GET,  /transactions/,          401",
            "none,  GET,  /actuator/prometheus/,   401",
            "none,  GET,  /actuator/health/,       200",
            "none,  GET,  /actuator/health;x=1,    400",
            "none,  GET,  /status/,                401",
            "none,  GET,  /clients/1/,             401",
            "none,  GET,  /sign-in/,               401"})
    void aPathSpelledOtherwiseNeedsTheSameRole(String who, String method, String path, int status) {
        // a client of its own: a POST refused before its body is read may leave a connection the
        // service closes after answering, and a shared client tried to reuse one (CI, 2026-11-30)
        Http.Response response = as(new Http(service.uri()), who, method, path);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    @Test
    void aRefusedWriteWritesNothing() {
        int tx = nextTx.incrementAndGet();
        Http.Response refused = http.post("/transactions", "application/json", DEPOSIT.formatted(2, tx),
                TestTokens.bearer(TestTokens.READ));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("role (read)");
        assertThat(http.as(TestTokens.bearer(TestTokens.READ)).get("/accounts/2").status()).isEqualTo(404);
    }

    @Test
    void healthSaysUpToAnyoneAndItsDetailsOnlyWithAToken() {
        JsonNode anonymous = http.get("/actuator/health").json();
        JsonNode withToken = http.as(TestTokens.bearer(TestTokens.READ)).get("/actuator/health").json();

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
        assertThat(withToken.at("/components/projection/details/lagEvents").isNumber()).as(withToken.toString()).isTrue();
    }

    @Test
    void aBearerRequestGetsNoSession() {
        Http.Response read = http.as(TestTokens.bearer(TestTokens.READ)).get("/accounts/1");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Set-Cookie")).isEmpty();
    }

    @Test
    void aBrowserSignsInWithAFormIntoAStrictHttpOnlySessionAndReads() {
        Http.Response signIn = http.request("POST", "/session",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "token=" + TestTokens.READ);

        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.json().get("role").asText()).isEqualTo("read");
        String setCookie = signIn.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("PAYONATOR_SESSION=").contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(http.request("GET", "/accounts/1", Map.of("Cookie", cookie), null).status()).isEqualTo(200);
        assertThat(http.request("GET", "/accounts/1", Map.of("Cookie", "PAYONATOR_SESSION=made-up"), null).status())
                .isEqualTo(401);
    }

    @Test
    void aSessionsActionsNeedItsCsrfTokenAndSignOutEndsIt() {
        Http.Response signIn = http.request("POST", "/session",
                Map.of("Authorization", TestTokens.bearer(TestTokens.WRITE)), null);
        String cookie = signIn.header("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = signIn.json().get("csrfToken").asText();
        String header = signIn.json().get("csrfHeader").asText();

        Http.Response withoutCsrf = http.request("POST", "/transactions",
                Map.of("Cookie", cookie, "Content-Type", "application/json"), DEPOSIT.formatted(3, nextTx.incrementAndGet()));
        Http.Response withCsrf = http.request("POST", "/transactions",
                Map.of("Cookie", cookie, header, csrf, "Content-Type", "application/json"),
                DEPOSIT.formatted(3, nextTx.incrementAndGet()));
        Http.Response signOut = http.request("DELETE", "/session", Map.of("Cookie", cookie, header, csrf), null);

        assertThat(header).isEqualTo("X-CSRF-TOKEN");
        assertThat(withoutCsrf.status()).as(withoutCsrf.body()).isEqualTo(403);
        assertThat(withoutCsrf.json().get("detail").asText()).contains("X-CSRF-TOKEN");
        assertThat(withCsrf.status()).as(withCsrf.body()).isEqualTo(200);
        assertThat(signOut.status()).isEqualTo(204);
        assertThat(http.request("GET", "/accounts/1", Map.of("Cookie", cookie), null).status()).isEqualTo(401);
    }

    @Test
    void aWrongTokenDoesNotSignIn() {
        Http.Response signIn = http.request("POST", "/session",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "token=not-a-token");

        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.header("Set-Cookie")).isEmpty();
    }

    @Test
    void everyWriteLeavesOneAuditLineWithRoleRowsAndOutcomesAndNeverTheToken() throws IOException {
        int before = audit.list.size();
        int tx = nextTx.incrementAndGet();
        String request = "audit-" + tx;
        Http.Response written = http.request("POST", "/transactions", Map.of("Authorization",
                TestTokens.bearer(TestTokens.WRITE), "Content-Type", "text/csv", "X-Request-Id", request),
                "type,client,tx,amount\ndeposit,4,%d,5\nwithdrawal,4,%d,9\n".formatted(tx, tx + 1));
        Http.Response refused = http.request("POST", "/admin/replay", Map.of("Authorization",
                TestTokens.bearer(TestTokens.WRITE), "X-Request-Id", request + "-replay"), null);

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.header("X-Request-Id")).contains(request);
        assertThat(refused.status()).isEqualTo(403);
        List<String> lines = audit.list.subList(before, audit.list.size()).stream()
                .map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains(request)).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z request=" + request + " from=127\\.0\\.0\\.1 role=write"
                + " token=\\S+tokens\\.txt:4 POST /transactions status=200 rows=2 accepted=1 rejected=1");
        assertThat(lines.get(1)).contains("role=write", "POST /admin/replay", "status=403");
        assertThat(String.join("\n", audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList()))
                .doesNotContain(TestTokens.READ, TestTokens.WRITE, TestTokens.ADMIN);
        assertThat(Files.readString(auditFile)).contains(lines.get(0)).doesNotContain(TestTokens.WRITE);
    }

    @Test
    void aRequestWithNoTokenAtAllIsNotAudited() {
        int before = audit.list.size();

        http.post("/transactions", "application/json", DEPOSIT.formatted(5, nextTx.incrementAndGet()), null);

        assertThat(audit.list.subList(before, audit.list.size())).isEmpty();
    }

    private Http.Response as(String who, String method, String path) {
        return as(http, who, method, path);
    }

    private Http.Response as(Http via, String who, String method, String path) {
        String authorization = switch (who) {
            case "none" -> null;
            case "wrong" -> TestTokens.bearer("not-" + TestTokens.READ);
            case "read" -> TestTokens.bearer(TestTokens.READ);
            case "write" -> TestTokens.bearer(TestTokens.WRITE);
            case "admin" -> TestTokens.bearer(TestTokens.ADMIN);
            default -> throw new IllegalArgumentException(who);
        };
        if (method.equals("GET")) {
            return via.as(authorization).get(path, "*/*");
        }
        return path.toLowerCase(Locale.ROOT).startsWith("/transact")
                ? via.post(path, "application/json", DEPOSIT.formatted(1, nextTx.incrementAndGet()), authorization)
                : via.post(path, "application/json", "", authorization);
    }

    /** {@link OneWriteAnswers}: an answer, given or refused, comes with its length, not as a chunked body. */
    @Test
    void answersComeWholeWithTheirLength() {
        List<Http.Response> answers = List.of(http.get("/actuator/health"), post(TestTokens.WRITE, 7),
                http.post("/transactions", "application/json", DEPOSIT.formatted(7, nextTx.incrementAndGet()), null));
        assertThat(answers).extracting(Http.Response::status).containsExactly(200, 200, 401);
        for (Http.Response answer : answers) {
            assertThat(answer.header("Transfer-Encoding")).as(answer.body()).isEmpty();
            assertThat(answer.header("Content-Length")).as(answer.body())
                    .contains(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    private Http.Response post(String token, int client) {
        return http.post("/transactions", "application/json", DEPOSIT.formatted(client, nextTx.incrementAndGet()),
                TestTokens.bearer(token));
    }
}

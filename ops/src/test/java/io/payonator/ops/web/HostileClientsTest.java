package io.payonator.ops.web;

import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service under hostile clients, on loopback only, every trial bounded in sockets and time:
 * slow bodies do not starve other clients' reads; a refused request's body is never read and its
 * connection closed; a body has a size limit and a deadline; wrong tokens from one address are
 * slowed, then refused (429 with Retry-After) while other addresses go on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsTest {

    private LedgerService service;
    private URI base;

    @BeforeAll
    void serve(@TempDir Path work) throws IOException {
        service = LedgerService.start(new LedgerService.Settings(SqliteLocation.of(work.resolve("ledger.db")), 0, "127.0.0.1", null)
                .withTokensFile(TestTokens.file(work)));
        base = service.uri();
        Http.Response opened = new Http(base).post("/transactions", "application/json",
                "{\"type\":\"deposit\",\"client\":1,\"tx\":1,\"amount\":\"1\"}", TestTokens.bearer(TestTokens.WRITE));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /**
     * Issue 16's trial: 200 anonymous connections announce a 1,000,000-byte body and send a byte
     * every 5 s (half of them a POST, half a GET), reconnecting when closed, for 30 s. Before the
     * fix no read of another client got an answer (every worker thread waited for a body).
     */
    @Test
    void slowBodiesLeaveOtherClientsReadsAnswered() throws InterruptedException {
        SlowBodyTrial.Result trial = new SlowBodyTrial(base, TestTokens.READ, 200, Duration.ofSeconds(30)).run();
        System.out.println("slow-body trial: " + trial);

        assertThat(trial.timedOut()).as(trial.toString()).isZero();
        assertThat(trial.lastStatus()).as(trial.toString()).isEqualTo(200);
        assertThat(trial.reads()).as(trial.toString()).isGreaterThan(100);
        assertThat(trial.p99Micros()).as("p99 of the reads during the trial: " + trial).isLessThan(100_000);
        assertThat(trial.closedByServer()).as("the server closed the slow senders' connections: " + trial)
                .isGreaterThanOrEqualTo(200);
    }

    /** Under the size limit, so that it is the missing token that refuses it. */
    @Test
    void anUnauthenticatedRequestIsAnsweredAndClosedWithoutReadingItsBody() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            long start = System.nanoTime();
            send(socket, "POST /transactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n{\"type\"");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("Connection: close")
                    .contains("application/problem+json");
            assertThat(millis).as("answered and closed at once, not after the body").isLessThan(3_000);
        }
    }

    @Test
    void aJsonBodyOver64KiBIs413UnreadEvenWithAToken() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            send(socket, "POST /transactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TestTokens.WRITE + "\r\nContent-Length: 50000000\r\n\r\n{");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("65536");
        }
    }

    @Test
    void aChunkedJsonBodyIsCutAt64KiB() {
        String padding = " ".repeat(70 * 1024);
        Http.Response response = new Http(base).post("/transactions", "application/json",
                "{\"type\":\"deposit\"," + padding + "\"client\":1,\"tx\":2,\"amount\":1}", TestTokens.bearer(TestTokens.WRITE));

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** A token holder's body that trickles is cut at the deadline (10 s), however steadily it trickles. */
    @Test
    void aBodyThatDoesNotArriveInTimeIs408() throws IOException, InterruptedException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            long start = System.nanoTime();
            send(socket, "POST /transactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TestTokens.WRITE + "\r\nContent-Length: 1000\r\n\r\n{");
            InputStream in = socket.getInputStream();
            String answer = "";
            for (int i = 0; i < 25 && answer.isEmpty(); i++) {
                Thread.sleep(1_000);
                try {
                    send(socket, " ");
                } catch (IOException closed) {
                    break;
                }
                answer = in.available() > 0 ? new String(in.readNBytes(in.available()), StandardCharsets.ISO_8859_1) : "";
            }
            answer += new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;

            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("within 10 s");
            assertThat(seconds).isBetween(9L, 15L);
        }
    }

    /**
     * From 127.0.0.2, so that the other tests' address is not throttled: five wrong tokens cost
     * nothing but the hash; the sixth makes the address wait (429 with Retry-After), even with the
     * right token; another address is not affected.
     */
    @Test
    void wrongTokensFromOneAddressAreSlowedThenRefused() throws IOException {
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        for (int i = 1; i <= 5; i++) {
            assertThat(status(rawGet(attacker, "wrong-" + i))).as("wrong token " + i).isEqualTo(401);
        }

        String refused = rawGet(attacker, "wrong-6");
        String rightButTooSoon = rawGet(attacker, TestTokens.READ);

        assertThat(status(refused)).isEqualTo(429);
        assertThat(refused).containsPattern("(?i)Retry-After: \\d+").contains("application/problem+json");
        assertThat(status(rightButTooSoon)).isEqualTo(429);
        assertThat(status(rawGet(InetAddress.getByName("127.0.0.1"), TestTokens.READ))).isEqualTo(200);
    }

    private String rawGet(InetAddress from, String token) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), from, 0)) {
            socket.setSoTimeout(10_000);
            send(socket, "GET /accounts/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}

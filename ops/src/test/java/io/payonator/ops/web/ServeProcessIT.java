package io.payonator.ops.web;

import io.payonator.ops.cli.Cli;
import io.payonator.ops.cli.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops/payonator serve} as an operator runs it, as a child process: a ledger imported with
 * the command line is served, a transaction posted shows in its account, SIGTERM stops it cleanly.
 */
class ServeProcessIT {

    private static final Path LAUNCHER = Path.of("payonator").toAbsolutePath();
    private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+) ");

    @TempDir
    Path work;

    @Test
    void servesAnImportedLedgerTakesAWriteAndStopsOnSigterm() throws Exception {
        Path db = work.resolve("ledger.db");
        Path sample = ConformanceCases.directory().resolve("payonator-sample");
        assertThat(Cli.run(sample.resolve("input.csv").toString(), "--db", db.toString()).exitCode()).isZero();
        Path err = work.resolve("err.txt");
        Process process = new ProcessBuilder(LAUNCHER.toString(), "serve", "--db", db.toString(), "--port", "0",
                "--token", "it-token")
                .redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(err.toFile())
                .start();
        try {
            Http http = new Http(awaitAddress(process, err), "Bearer it-token");

            assertThat(http.get("/accounts", "text/csv").body()).isEqualTo(Files.readString(sample.resolve("expected.csv")));
            Http.Response posted = http.post("/transactions", "application/json",
                    "{\"type\":\"deposit\",\"client\":1,\"tx\":77,\"amount\":\"0.5\"}", "Bearer it-token");
            assertThat(posted.json().get("outcome").asText()).as(posted.body()).isEqualTo("accepted");
            assertThat(awaitBody(http, "/accounts/1", "\"available\":\"2.0000\""))
                    .isEqualTo("{\"client\":1,\"available\":\"2.0000\",\"held\":\"0.0000\",\"total\":\"2.0000\",\"locked\":false}");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        assertThat(Files.readString(work.resolve("out.txt"))).as("nothing on standard output").isEmpty();
        // the write is in the ledger file
        assertThat(Cli.run("accounts", "--db", db.toString()).out()).contains("1,2.0000,0.0000,2.0000,false");
    }

    private static URI awaitAddress(Process process, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(Files.readString(err));
            if (serving.find()) {
                return URI.create(serving.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not say where it listens:\n" + Files.readString(err));
    }

    private static String awaitBody(Http http, String path, String expected) throws InterruptedException {
        String body = "";
        for (int attempt = 0; attempt < 200 && !body.contains(expected); attempt++) {
            body = http.get(path).body();
            Thread.sleep(50);
        }
        return body;
    }
}

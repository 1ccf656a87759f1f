package io.payonator.ops.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.cli.ConformanceCases;
import io.payonator.ops.testing.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points in history over real HTTP and the command line, on a real ledger: SQLite here, PostgreSQL
 * in {@link PostgresTimeTravelTest}. The conformance sample is imported, so every balance on the
 * way is known from the reference model ({@link SampleReference}), the test suite's independent reading of SPEC.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelTest {

    private static final String TOKEN = "time-travel-token";
    private static final String BEARER = "Bearer " + TOKEN;

    private Path input;
    private String db;
    private LedgerService service;
    private Http http;

    @BeforeAll
    void importAndServe(@TempDir Path work) {
        input = ConformanceCases.directory().resolve("payonator-sample").resolve("input.csv");
        db = backend().newLedger(work);
        Cli.Result imported = Cli.run(input.toString(), "--db", db);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        service = LedgerService.start(new LedgerService.Settings(backend().location(db), 0, "127.0.0.1", TOKEN));
        http = new Http(service.uri(), BEARER);
    }

    Backend backend() {
        return Backend.SQLITE;
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void historyListsEveryRowOfTheClientInLedgerOrderWithTheBalanceAfterIt() {
        JsonNode history = ok(http.get("/accounts/5/history"));

        assertThat(history.get("client").asInt()).isEqualTo(5);
        assertThat(history.get("totalEntries").asInt()).isEqualTo(5);
        List<String> rows = new ArrayList<>();
        history.get("entries").forEach(e -> rows.add(e.get("type").asText() + " " + e.get("tx").asLong() + " "
                + e.get("amount").asText() + " " + e.get("outcome").asText() + " " + e.get("reason").asText() + " "
                + e.get("available").asText() + "/" + e.get("held").asText() + "/" + e.get("total").asText() + "/"
                + e.get("locked").asBoolean()));
        assertThat(rows).containsExactly(
                "deposit 6 10.5000 accepted null 10.5000/0.0000/10.5000/false",
                "chargeback 6 null rejected not_disputed 10.5000/0.0000/10.5000/false",
                "withdrawal 9 10.5000 accepted null 0.0000/0.0000/0.0000/false",
                "dispute 6 10.5000 accepted null -10.5000/10.5000/0.0000/false",
                "chargeback 6 null rejected negative_total -10.5000/10.5000/0.0000/false");
        List<Long> positions = new ArrayList<>();
        history.get("entries").forEach(e -> positions.add(e.get("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        JsonNode accepted = history.get("entries").get(0);
        assertThat(accepted.get("source").asText()).isEqualTo("input.csv");
        assertThat(accepted.get("line").asLong()).isEqualTo(7);
        JsonNode rejected = history.get("entries").get(1);
        assertThat(rejected.get("source").asText()).as("a file by its name only").isEqualTo("input.csv");
        assertThat(rejected.get("line").asLong()).isEqualTo(11);
    }

    @Test
    void historyIsPaged() {
        JsonNode all = ok(http.get("/accounts/1/history"));
        JsonNode second = ok(http.get("/accounts/1/history?page=1&size=2"));

        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("totalEntries")).isEqualTo(all.get("totalEntries"));
        assertThat(second.get("entries")).containsExactly(all.get("entries").get(2), all.get("entries").get(3));
        assertThat(http.get("/accounts/77/history").status()).isEqualTo(404);
        assertThat(http.get("/accounts/1/history?size=0").status()).isEqualTo(400);
    }

    @Test
    void asOfEachRowsPositionIsTheReferenceModelAppliedToTheRowsUpToIt() throws Exception {
        for (int client : List.of(1, 2, 5)) {
            JsonNode entries = ok(http.get("/accounts/" + client + "/history")).get("entries");
            for (int k = 0; k < entries.size(); k++) {
                long position = entries.get(k).get("position").asLong();
                JsonNode asOf = ok(http.get("/accounts/" + client + "?asOf=" + position));

                assertThat(asOf.get("asOf").asLong()).isEqualTo(position);
                assertThat(csvRow(asOf)).as("client %d as of its row %d", client, k)
                        .isEqualTo(SampleReference.accountAfterRow(input, client, k));
            }
        }
    }

    @Test
    void asOfAnInstantIsAsOfTheLastPositionRecordedByThen() {
        JsonNode last = ok(http.get("/accounts/1/history")).get("entries");
        JsonNode entry = last.get(last.size() - 1);

        JsonNode asOf = ok(http.get("/accounts/1?asOf=" + entry.get("recorded").asText()));

        assertThat(asOf.get("asOf").asLong()).isGreaterThanOrEqualTo(entry.get("position").asLong());
        assertThat(asOf.get("available").asText()).isEqualTo(entry.get("available").asText());
        assertThat(http.get("/accounts/1?asOf=1970-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void aPointThatCannotBeReadIsABadRequest() {
        Http.Response response = http.get("/accounts/1?asOf=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("asOf").contains("ISO-8601");
        assertThat(http.get("/accounts/1?asOf=-3").status()).isEqualTo(400);
    }

    /**
     * SPEC.md: a position once reported keeps its meaning. The head is reported, more rows are
     * written for the same client and others, and the answers as of that head stay what they were.
     */
    @Test
    void aReportedHeadKeepsItsMeaningAfterMoreWrites() {
        // clients of its own: the other tests compare the sample's clients with the sample
        assertThat(http.post("/transactions", "text/csv", "type,client,tx,amount\ndeposit,20,8000,5\n", BEARER)
                .status()).isEqualTo(200);
        JsonNode before = ok(http.get("/accounts/20?asOf=" + Long.MAX_VALUE));
        long head = before.get("asOf").asLong();
        Cli.Result ledgerBefore = Cli.run("accounts", "--db", db, "--as-of", Long.toString(head));
        assertThat(ledgerBefore.exitCode()).as(ledgerBefore.err()).isZero();

        Http.Response posted = http.post("/transactions", "text/csv",
                "type,client,tx,amount\ndeposit,21,8001,5\ndeposit,20,8002,2\n", BEARER);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);

        JsonNode after = ok(http.get("/accounts/20?asOf=" + head));
        assertThat(after).isEqualTo(before);
        assertThat(Cli.run("accounts", "--db", db, "--as-of", Long.toString(head)).out()).isEqualTo(ledgerBefore.out());
        assertThat(before.get("available").asText()).isEqualTo("5.0000");
        JsonNode now = ok(http.get("/accounts/20?asOf=" + Long.MAX_VALUE));
        assertThat(now.get("asOf").asLong()).isGreaterThan(head);
        assertThat(now.get("available").asText()).isEqualTo("7.0000");
        assertThat(http.get("/accounts/21?asOf=" + head).status()).isEqualTo(404);
    }

    @Test
    void theCommandLineRebuildsTheWholeLedgerAsOfAPoint() throws Exception {
        Cli.Result atHead = Cli.run("accounts", "--db", db, "--as-of", Long.toString(Long.MAX_VALUE));
        Cli.Result plain = Cli.run("accounts", "--db", db);
        Cli.Result atStart = Cli.run("accounts", "--db", db, "--as-of", "0");
        Cli.Result atEpoch = Cli.run("accounts", "--db", db, "--as-of", "1970-01-01T00:00:00Z");

        assertThat(atHead.exitCode()).as(atHead.err()).isZero();
        assertThat(atHead.out()).isEqualTo(plain.out());
        assertThat(atStart.out()).isEqualTo("client,available,held,total,locked\n");
        assertThat(atEpoch.out()).isEqualTo(atStart.out());
        // a middle position: each account is what the service answers for it at that position
        long middle = ok(http.get("/accounts/2/history")).get("entries").get(1).get("position").asLong();
        Cli.Result atMiddle = Cli.run("accounts", "--db", db, "--as-of", Long.toString(middle));
        List<String> expected = new ArrayList<>(List.of("client,available,held,total,locked"));
        for (int client : List.of(1, 2, 3, 5)) {
            Http.Response account = http.get("/accounts/" + client + "?asOf=" + middle);
            if (account.status() == 200) {
                expected.add(csvRow(account.json()));
            }
        }
        assertThat(atMiddle.out().lines().toList()).isEqualTo(expected);
        assertThat(expected).as("client 2 is open at its own row").hasSizeGreaterThan(1);
        assertThat(atMiddle.out()).as("a middle point, not the head").isNotEqualTo(atHead.out());
    }

    @Test
    void aBadAsOfOnTheCommandLineIsOneLineAndExitTwo() {
        Cli.Result result = Cli.run("accounts", "--db", db, "--as-of", "last tuesday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("--as-of").contains("ISO-8601");
    }

    private static String csvRow(JsonNode account) {
        return account.get("client").asInt() + "," + account.get("available").asText() + ","
                + account.get("held").asText() + "," + account.get("total").asText() + ","
                + account.get("locked").asBoolean();
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}

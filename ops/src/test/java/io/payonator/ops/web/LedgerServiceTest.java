package io.payonator.ops.web;

import io.payonator.ops.testing.Backend;
import com.fasterxml.jackson.databind.JsonNode;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.cli.ConformanceCases;
import io.payonator.ops.generate.TransactionGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service over real HTTP, on a random port, over a real ledger: a SQLite file in a temporary
 * directory here, a database of a real PostgreSQL server in {@link PostgresLedgerServiceTest}. The conformance sample imported through the command line's entry point, then more
 * rows, then served. Tests that write use clients and tx ids of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerServiceTest {

    private static final String TOKEN = "s3cret-token";
    private static final String BEARER = "Bearer " + TOKEN;
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The generated rows' clients and tx ids are moved out of the sample's way. */
    private static final int CLIENT_OFFSET = 10_000;
    private static final long TX_OFFSET = 10_000_000;

    private Path work;
    /** The ledger, as {@code --db} names it. */
    private String db;
    private String sampleAccountsCsv;
    private LedgerService service;
    private Http http;

    @BeforeAll
    void importAndServe(@TempDir Path work) throws IOException {
        this.work = work;
        db = backend().newLedger(work);
        Cli.Result sample = Cli.run(sampleCase().resolve("input.csv").toString(), "--db", db);
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        sampleAccountsCsv = sample.out();
        Cli.Result generated = Cli.run(generatedRows(20_000).toString(), "--db", db);
        assertThat(generated.exitCode()).as(generated.err()).isZero();

        service = LedgerService.start(new LedgerService.Settings(backend().location(db), 0, "127.0.0.1", TOKEN));
        http = new Http(service.uri(), BEARER);
    }

    /** The storage backend the service runs on. */
    Backend backend() {
        return Backend.SQLITE;
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    // --- reads: what SPEC.md implies for the imported sample ------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Reads {

        @Test
        void accountsAsCsvAreTheCommandLinesBytes() {
            Http.Response csv = http.get("/accounts", "text/csv");

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            // the ledger also holds the generated clients (10000 and up): the sample's rows come first
            assertThat(csv.body()).startsWith(sampleAccountsCsv);
            assertThat(csv.body().lines().count()).isEqualTo(http.get("/accounts").json().get("totalAccounts").asLong() + 1);
        }

        @Test
        void accountsAsCsvOfASampleOnlyLedgerEqualTheExpectedFile() throws IOException {
            assertThat(sampleAccountsCsv).isEqualTo(Files.readString(sampleCase().resolve("expected.csv")));
        }

        @Test
        void accountsAsJsonByDefaultInAscendingClientOrder() {
            Http.Response response = http.get("/accounts", "*/*");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            JsonNode page = response.json();
            List<JsonNode> accounts = new ArrayList<>();
            page.get("accounts").forEach(accounts::add);
            assertThat(accounts).hasSize(page.get("totalAccounts").asInt());
            assertThat(accounts.subList(0, 3)).extracting(Object::toString).containsExactly(
                    "{\"client\":1,\"available\":\"1.5000\",\"held\":\"0.0000\",\"total\":\"1.5000\",\"locked\":false}",
                    "{\"client\":2,\"available\":\"0.0000\",\"held\":\"0.0000\",\"total\":\"0.0000\",\"locked\":true}",
                    "{\"client\":5,\"available\":\"-10.5000\",\"held\":\"10.5000\",\"total\":\"0.0000\",\"locked\":false}");
            assertThat(accounts).extracting(a -> a.get("client").asInt()).isSorted();
        }

        @Test
        void accountsArePaged() {
            JsonNode all = http.get("/accounts").json();
            JsonNode second = http.get("/accounts?page=1&size=2").json();

            assertThat(second.get("page").asInt()).isEqualTo(1);
            assertThat(second.get("size").asInt()).isEqualTo(2);
            assertThat(second.get("totalAccounts")).isEqualTo(all.get("totalAccounts"));
            assertThat(second.get("accounts")).containsExactly(all.get("accounts").get(2), all.get("accounts").get(3));
            assertThat(http.get("/accounts?page=1&size=2", "text/csv").body()).isEqualTo(
                    "client,available,held,total,locked\n5,-10.5000,10.5000,0.0000,false\n"
                            + csvRow(all.get("accounts").get(3)) + "\n");
        }

        @Test
        void oneAccountIsExactlyItsCsvRowAsJson() {
            Http.Response response = http.get("/accounts/1");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body())
                    .isEqualTo("{\"client\":1,\"available\":\"1.5000\",\"held\":\"0.0000\",\"total\":\"1.5000\",\"locked\":false}");
        }

        @Test
        void unknownAccountIs404ProblemJson() {
            Http.Response response = http.get("/accounts/3");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).isEqualTo("client 3 has no account");
        }

        @Test
        void historyListsDepositsAndWithdrawalsInOrderWithDisputeStateAndTheRejectedRows() {
            JsonNode client1 = http.get("/accounts/1/transactions").json();
            JsonNode client2 = http.get("/accounts/2/transactions").json();
            JsonNode client5 = http.get("/accounts/5/transactions").json();
            // the file's name as the import was given it, not the server's path to it
            String source = "input.csv";

            // tx 1 was disputed, then resolved; tx 2 charged back; tx 6 disputed at the end (its chargeback refused)
            assertThat(client1.get("transactions")).extracting(JsonNode::toString).containsExactly(
                    "{\"tx\":1,\"client\":1,\"type\":\"deposit\",\"amount\":\"1.0000\",\"state\":\"resolved\"}",
                    "{\"tx\":3,\"client\":1,\"type\":\"deposit\",\"amount\":\"2.0000\",\"state\":\"none\"}",
                    "{\"tx\":4,\"client\":1,\"type\":\"withdrawal\",\"amount\":\"1.5000\",\"state\":\"none\"}");
            assertThat(client1.get("rejected")).isEmpty();
            assertThat(client2.get("transactions")).extracting(JsonNode::toString).containsExactly(
                    "{\"tx\":2,\"client\":2,\"type\":\"deposit\",\"amount\":\"2.0000\",\"state\":\"charged_back\"}");
            assertThat(client2.get("rejected")).extracting(JsonNode::toString).containsExactly(
                    "{\"source\":" + Http.JSON.valueToTree(source) + ",\"line\":6,\"type\":\"withdrawal\",\"tx\":5,"
                            + "\"amount\":\"3.0000\",\"reason\":\"insufficient_funds\"}");
            assertThat(client5.get("transactions")).extracting(JsonNode::toString).containsExactly(
                    "{\"tx\":6,\"client\":5,\"type\":\"deposit\",\"amount\":\"10.5000\",\"state\":\"disputed\"}",
                    "{\"tx\":9,\"client\":5,\"type\":\"withdrawal\",\"amount\":\"10.5000\",\"state\":\"none\"}");
            assertThat(client5.get("rejected")).extracting(r -> r.get("line").asInt() + "," + r.get("type").asText()
                    + "," + r.get("reason").asText()).containsExactly("11,chargeback,not_disputed",
                    "15,chargeback,negative_total");
            assertThat(client5.get("totalTransactions").asInt()).isEqualTo(2);
            assertThat(client5.get("totalRejected").asInt()).isEqualTo(2);
        }

        @Test
        void historyOfAnUnknownClientIs404() {
            assertThat(http.get("/accounts/4/transactions").status()).isEqualTo(404);
        }

        @Test
        void oneTransactionByTxId() {
            assertThat(http.get("/transactions/2").body())
                    .isEqualTo("{\"tx\":2,\"client\":2,\"type\":\"deposit\",\"amount\":\"2.0000\",\"state\":\"charged_back\"}");
            // tx 5 was only used by a rejected withdrawal: no transaction of the ledger
            Http.Response rejectedOnly = http.get("/transactions/5");
            assertThat(rejectedOnly.status()).isEqualTo(404);
            assertThat(rejectedOnly.contentType()).startsWith(PROBLEM_JSON);
        }

        /**
         * SPEC.md ties the balances to the transactions: total is the accepted deposits not charged
         * back less the withdrawals, held is the deposits under dispute, and a chargeback locks.
         */
        @Test
        void everyGeneratedAccountAgreesWithItsTransactions() {
            JsonNode accounts = http.get("/accounts?page=0&size=65536").json().get("accounts");
            int checked = 0;
            for (JsonNode account : accounts) {
                int client = account.get("client").asInt();
                if (client < CLIENT_OFFSET || checked == 60) {
                    continue;
                }
                JsonNode history = http.get("/accounts/" + client + "/transactions?size=65536").json();
                BigDecimal total = BigDecimal.ZERO;
                BigDecimal held = BigDecimal.ZERO;
                boolean locked = false;
                for (JsonNode tx : history.get("transactions")) {
                    BigDecimal amount = new BigDecimal(tx.get("amount").asText());
                    String state = tx.get("state").asText();
                    if (tx.get("type").asText().equals("withdrawal")) {
                        assertThat(state).isEqualTo("none");
                        total = total.subtract(amount);
                    } else if (!state.equals("charged_back")) {
                        total = total.add(amount);
                        held = state.equals("disputed") ? held.add(amount) : held;
                    } else {
                        locked = true;
                    }
                    assertThat(http.get("/transactions/" + tx.get("tx").asLong()).json()).isEqualTo(tx);
                }
                assertThat(new BigDecimal(account.get("total").asText())).as("total of %s", client).isEqualByComparingTo(total);
                assertThat(new BigDecimal(account.get("held").asText())).as("held of %s", client).isEqualByComparingTo(held);
                assertThat(account.get("locked").asBoolean()).as("locked of %s", client).isEqualTo(locked);
                assertThat(account).isEqualTo(http.get("/accounts/" + client).json());
                checked++;
            }
            assertThat(checked).isEqualTo(60);
        }

        /** Tomcat drops a parameter whose %-escapes it cannot decode; the service says so instead of using the default. */
        @ParameterizedTest
        @ValueSource(strings = {"/accounts?page=%ZZ", "/accounts?size=%", "/accounts/1/transactions?page=1%G0"})
        void anUndecodableQueryStringIs400ProblemJson(String target) {
            Http.Response response = http.getRaw(target);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).contains("query string");
        }

        /** Tomcat refuses these before the service sees them; its answer is problem+json too, not an HTML page. */
        @ParameterizedTest
        @ValueSource(strings = {"/accounts/1%2F", "/accounts/%5C", "/accounts/%00", "/accounts/1%2F/transactions"})
        void uriTheServerRefusesIs400ProblemJson(String target) {
            Http.Response response = http.getRaw(target);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("Tomcat");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/accounts/65536", "/accounts/-1", "/accounts/abc", "/accounts/70000/transactions",
                "/transactions/4294967296", "/transactions/x", "/accounts?size=0", "/accounts?page=-1",
                "/accounts?size=65537",
                // the grammar of the CSV and JSON intake: plain decimal digits, nothing Spring's conversion adds
                "/transactions/0x1", "/transactions/+1", "/transactions/%231", "/accounts/%20%31", "/accounts/1%20",
                "/accounts/1.0", "/accounts/1e0", "/accounts/%EF%BC%91", "/accounts?size=0x10", "/accounts?size=+16",
                "/accounts?size=%2016", "/accounts/1/transactions?page=0x1", "/accounts?page=99999999999",
                // given once, with a value
                "/accounts?size=1&size=100000000", "/accounts?page=0&page=0", "/accounts?size="})
        void badIdsAndPagesAre400ProblemJson(String path) {
            Http.Response response = http.get(path);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }

        /** The intake's grammar allows leading zeros; so do paths. */
        @Test
        void anIdWithLeadingZerosIsTheSameId() {
            assertThat(http.get("/accounts/0001").body()).isEqualTo(http.get("/accounts/1").body());
        }

        @Test
        void aLongIdIsEchoedCutShort() {
            Http.Response response = http.get("/accounts/" + "9".repeat(5_000));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains("(5000 characters)").hasSizeLessThan(200);
        }

        /** Errors found by Tomcat or Spring before any controller are problems too, whatever the client accepts. */
        @ParameterizedTest
        @ValueSource(strings = {"/error", "/META-INF/MANIFEST.MF", "/WEB-INF/web.xml", "/no/such/path", "/accounts/1/"})
        void notFoundIsProblemJson(String path) {
            Http.Response response = http.get(path, "text/html");

            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("status").asInt()).isEqualTo(404);
        }

        @Test
        void notAcceptableIsProblemJsonWithABody() {
            Http.Response response = http.get("/accounts/1", "text/html");

            assertThat(response.status()).isEqualTo(406);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).contains("application/json");
        }

        /** Imported files are shown by their name only: the server's folders are nobody's business. */
        @Test
        void noServerPathIsShown() {
            String history = http.get("/accounts/2/transactions").body();

            assertThat(history).contains("\"source\":\"input.csv\"").doesNotContain(work.toString())
                    .doesNotContain("/");
        }

        /** The OpenAPI server, the Swagger UI's redirects and its OAuth2 page never come from the Host header. */
        @Test
        void theHostHeaderIsNeverEchoedInUrls() {
            Http.Response api = http.getRaw("/v3/api-docs", "evil.example");
            Http.Response swaggerConfig = http.getRaw("/v3/api-docs/swagger-config", "evil.example");
            Http.Response redirect = http.getRaw("/swagger-ui.html", "evil.example");

            assertThat(api.json().get("servers").get(0).get("url").asText()).isEqualTo("/");
            assertThat(api.body() + swaggerConfig.body()).doesNotContain("evil.example");
            assertThat(redirect.header("Location").orElse("")).doesNotContain("evil.example");
            assertThat(http.get("/actuator").status()).isEqualTo(404);
        }
    }

    // --- writes --------------------------------------------------------------------------------

    @Nested
    class Writes {

        @Test
        void theSameDepositTwiceIsAppliedOnceAndTheRetryIsADuplicate() {
            String deposit = "{\"type\":\"deposit\",\"client\":501,\"tx\":900001,\"amount\":\"7.25\"}";

            JsonNode first = postJson(deposit);
            JsonNode retry = postJson(deposit);

            assertThat(first.get("outcome").asText()).isEqualTo("accepted");
            assertThat(first.get("amount").asText()).isEqualTo("7.2500");
            assertThat(retry.get("outcome").asText()).isEqualTo("rejected");
            assertThat(retry.get("reason").asText()).isEqualTo("duplicate_tx");
            assertThat(retry.get("detail").asText()).contains("already used");
            assertSettles("/accounts/501",
                    "{\"client\":501,\"available\":\"7.2500\",\"held\":\"0.0000\",\"total\":\"7.2500\",\"locked\":false}");
            // the retry's rejection may reach the projection in a later batch than the deposit
            JsonNode history = eventually(() -> {
                JsonNode read = http.get("/accounts/501/transactions").json();
                return read.get("rejected").isEmpty() ? null : read;
            });
            assertThat(history).as("the retry's rejection in the client's history").isNotNull();
            assertThat(history.get("transactions")).hasSize(1);
            assertThat(history.get("rejected").get(0).get("reason").asText()).isEqualTo("duplicate_tx");
        }

        @Test
        void aTxIdTheImportReservedIsADuplicateOnline() {
            // tx 5 was a rejected withdrawal of the imported sample: still reserved (SPEC.md step 2)
            JsonNode answer = postJson("{\"type\":\"deposit\",\"client\":502,\"tx\":5,\"amount\":1}");

            assertThat(answer.get("reason").asText()).isEqualTo("duplicate_tx");
        }

        @Test
        void aPostedTransactionShowsInItsAccountAndHistory() {
            assertThat(postJson("{\"type\":\"deposit\",\"client\":503,\"tx\":900010,\"amount\":10}").get("outcome").asText())
                    .isEqualTo("accepted");
            JsonNode withdrawal = postJson("{\"type\":\"WITHDRAWAL\",\"client\":\"503\",\"tx\":\"900011\",\"amount\":2.5}");
            JsonNode tooMuch = postJson("{\"type\":\"withdrawal\",\"client\":503,\"tx\":900012,\"amount\":100}");
            JsonNode dispute = postJson("{\"type\":\"dispute\",\"client\":503,\"tx\":900010}");

            assertThat(withdrawal.get("outcome").asText()).isEqualTo("accepted");
            assertThat(tooMuch.get("reason").asText()).isEqualTo("insufficient_funds");
            assertThat(dispute.get("outcome").asText()).isEqualTo("accepted");
            assertSettles("/accounts/503",
                    "{\"client\":503,\"available\":\"-2.5000\",\"held\":\"10.0000\",\"total\":\"7.5000\",\"locked\":false}");
            assertThat(http.get("/transactions/900010").json().get("state").asText()).isEqualTo("disputed");
            assertThat(http.get("/accounts/503/transactions").json().get("rejected").get(0).get("tx").asLong())
                    .isEqualTo(900012);
        }

        @Test
        void aCsvBodyIsDecidedInOrderAndAnswersEveryRow() {
            String body = "type,client,tx,amount\n"
                    + "deposit,504,900020,5\n"          // 2 accepted
                    + "withdrawal,504,900021,9\n"       // 3 insufficient_funds
                    + "transfer,504,900022,1\n"         // 4 malformed
                    + "\n"                              // 5 empty: skipped
                    + "deposit,504,900023,1.00001\n"    // 6 invalid_amount
                    + "deposit,504,900020,1\n"          // 7 duplicate_tx
                    + "dispute,504,900020\n"            // 8 accepted
                    + "chargeback , 504 , 900020 ,\n";  // 9 accepted: locks
            long eventsBefore = events();

            Http.Response response = http.post("/transactions", "text/csv", body, BEARER);

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode answer = response.json();
            assertThat(answer.get("rows").asInt()).isEqualTo(7);
            assertThat(answer.get("accepted").asInt()).isEqualTo(3);
            assertThat(answer.get("rejected").asInt()).isEqualTo(4);
            assertThat(answer.get("outcomes")).extracting(row -> row.get("line").asInt() + ":"
                    + row.get("outcome").asText() + (row.has("reason") ? ":" + row.get("reason").asText() : ""))
                    .containsExactly("2:accepted", "3:rejected:insufficient_funds", "4:rejected:malformed",
                            "6:rejected:invalid_amount", "7:rejected:duplicate_tx", "8:accepted", "9:accepted");
            // account opened, 5 decided rows and 2 malformed rows, as a file import records them
            assertThat(events() - eventsBefore).isEqualTo(8);
            assertSettles("/accounts/504",
                    "{\"client\":504,\"available\":\"0.0000\",\"held\":\"0.0000\",\"total\":\"0.0000\",\"locked\":true}");
        }

        @Test
        void writesWithoutTheRightTokenAre401AndWriteNothing() {
            long eventsBefore = events();
            String deposit = "{\"type\":\"deposit\",\"client\":505,\"tx\":900030,\"amount\":1}";
            List<Http.Response> refused = List.of(
                    http.post("/transactions", "application/json", deposit, null),
                    http.post("/transactions", "application/json", deposit, "Bearer wrong-token"),
                    http.post("/transactions", "application/json", deposit, "Bearer " + TOKEN + "x"),
                    http.post("/transactions", "application/json", deposit, "Basic " + TOKEN),
                    http.post("/transactions", "application/json", deposit, TOKEN),
                    http.post("/transactions", "text/csv", "type,client,tx,amount\ndeposit,505,900031,1\n", null),
                    http.post("/transactions", "text/csv", "type,client,tx,amount\ndeposit,505,900031,1\n", "Bearer no"),
                    http.post("/admin/replay", "application/json", "", null),
                    http.post("/admin/replay", "application/json", "", "Bearer nope"));

            assertThat(refused).allSatisfy(response -> {
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.contentType()).startsWith(PROBLEM_JSON);
                assertThat(response.header("WWW-Authenticate")).contains("Bearer");
            });
            assertThat(events()).isEqualTo(eventsBefore);
            assertThat(http.get("/accounts/505").status()).isEqualTo(404);
            assertThat(http.get("/transactions/900030").status()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1.00001}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":\"1.00001\"}",
                "{\"type\":\"withdrawal\",\"client\":506,\"tx\":900040,\"amount\":0.12345}",
                "{\"type\":\"deposit\",\"client\":65536,\"tx\":900040,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":-1,\"tx\":900040,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":4294967296,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":99999999999999999999999,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1e3}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":-5}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040}",
                "{\"type\":\"transfer\",\"client\":506,\"tx\":900040,\"amount\":1}",
                "{\"client\":506,\"tx\":900040,\"amount\":1}",
                "{\"type\":\"deposit\",\"tx\":900040,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":{\"units\":1}}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1",
                "[{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1}]",
                "deposit,506,900040,1",
                "",
                // one object only: text or a second object after it is refused, not ignored
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1}{\"type\":\"deposit\",\"client\":506,\"tx\":900042,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1} trailing",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":1}]",
                // a field given twice is ambiguous, whichever value would win
                "{\"type\":\"deposit\",\"type\":\"withdrawal\",\"client\":506,\"tx\":900040,\"amount\":1}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900040,\"amount\":\"1\",\"amount\":\"2\"}",
                "{\"type\":\"deposit\",\"client\":506,\"client\":507,\"tx\":900040,\"amount\":1}"})
        void badJsonBodiesAre400ProblemJsonAndWriteNothing(String body) {
            long eventsBefore = events();

            Http.Response response = http.post("/transactions", "application/json", body, BEARER);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).isNotBlank().contains("nothing was written");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.payonator");
            assertThat(events()).isEqualTo(eventsBefore);
            assertThat(http.get("/accounts/506").status()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900045,\"amount\":\"1\",\"Type\":\"withdrawal\"}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900045,\"amount\":\"1\",\"memo\":\"x\"}",
                "{\"type\":\"deposit\",\"client\":506,\"tx\":900045,\"amount\":\"1\",\"client_id\":7}"})
        void anUnknownFieldIs400AndNamed(String body) {
            long eventsBefore = events();

            Http.Response response = http.post("/transactions", "application/json", body, BEARER);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).contains("is not one of type, client, tx and amount")
                    .contains("nothing was written");
            assertThat(events()).isEqualTo(eventsBefore);
        }

        @Test
        void aLongValueIsEchoedCutShort() {
            Http.Response response = http.post("/transactions", "application/json",
                    "{\"type\":\"" + "d".repeat(60_000) + "\",\"client\":506,\"tx\":900046,\"amount\":1}", BEARER);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains("(60000 characters)").hasSizeLessThan(200);
        }

        @Test
        void aFieldGivenTwiceIsNamed() {
            Http.Response response = http.post("/transactions", "application/json",
                    "{\"type\":\"deposit\",\"client\":506,\"tx\":900043,\"amount\":\"1\",\"amount\":\"2\"}", BEARER);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains("'amount'").contains("more than once")
                    .contains("nothing was written");
        }

        @Test
        void aSecondObjectAfterTheFirstIsNamed() {
            Http.Response response = http.post("/transactions", "application/json",
                    "{\"type\":\"deposit\",\"client\":506,\"tx\":900044,\"amount\":1}\n{\"type\":\"deposit\"}", BEARER);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("detail").asText())
                    .contains("one transaction object, and nothing after it").contains("line 2, column 1");
        }

        @Test
        void invalidFieldsNameTheirReasonCode() {
            JsonNode fiveDecimals = http.post("/transactions", "application/json",
                    "{\"type\":\"deposit\",\"client\":506,\"tx\":900041,\"amount\":2.00001}", BEARER).json();
            JsonNode clientOutOfRange = http.post("/transactions", "application/json",
                    "{\"type\":\"deposit\",\"client\":70000,\"tx\":900041,\"amount\":2}", BEARER).json();

            assertThat(fiveDecimals.get("reason").asText()).isEqualTo("invalid_amount");
            assertThat(fiveDecimals.get("detail").asText()).contains("2.00001").contains("more than 4 fractional digits");
            assertThat(clientOutOfRange.get("reason").asText()).isEqualTo("malformed");
            assertThat(clientOutOfRange.get("detail").asText()).contains("70000").contains("out of range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "\n\n", "type,client,amount\ndeposit,506,1\n", "client,type,tx,amount\n1,deposit,2,3\n",
                "deposit,506,900050,1\n"})
        void unusableCsvBodiesAre400ProblemJsonAndWriteNothing(String body) {
            long eventsBefore = events();

            Http.Response response = http.post("/transactions", "text/csv", body, BEARER);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(response.json().get("detail").asText()).contains("no header");
            assertThat(events()).isEqualTo(eventsBefore);
        }

        @Test
        void otherContentTypesAre415() {
            Http.Response response = http.post("/transactions", "text/plain", "deposit,506,900060,1", BEARER);

            assertThat(response.status()).isEqualTo(415);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        }
    }

    // --- replay while serving ------------------------------------------------------------------

    @Nested
    class Replay {

        @Test
        void replayThroughTheEndpointWhileReadsContinueGivesIdenticalBalances() throws Exception {
            String accountsBefore = http.get("/accounts", "text/csv").body();
            String client1Before = http.get("/accounts/1").body();
            String historyBefore = http.get("/accounts/" + (CLIENT_OFFSET + 1) + "/transactions?size=65536").body();
            List<String> differentReads = new ArrayList<>();
            int[] reads = {0, 0};
            AtomicBoolean replayDone = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!replayDone.get()) {
                    Http.Response accounts = http.get("/accounts", "text/csv");
                    Http.Response client1 = http.get("/accounts/1");
                    reads[0]++;
                    if (accounts.header(ServiceReplay.SNAPSHOT_HEADER).isPresent()) {
                        reads[1]++;
                    }
                    if (accounts.status() != 200 || !accounts.body().equals(accountsBefore)
                            || !client1.body().equals(client1Before)) {
                        differentReads.add(accounts.status() + " " + client1.body());
                    }
                }
            }, "reader");
            reader.start();

            Http.Response replay = http.post("/admin/replay", "application/json", "", BEARER);
            replayDone.set(true);
            reader.join(Duration.ofMinutes(1).toMillis());

            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            JsonNode report = replay.json();
            assertThat(report.get("identical").asBoolean()).as(replay.body()).isTrue();
            assertThat(report.get("accountsAfter").asInt()).isEqualTo(report.get("accountsBefore").asInt())
                    .isEqualTo(accountsBefore.lines().count() - 1);
            assertThat(differentReads).as("reads that saw other balances than before the replay").isEmpty();
            assertThat(reads[1]).as("reads answered from the snapshot during the replay (of %s)", reads[0]).isPositive();
            assertThat(http.get("/accounts", "text/csv").body()).isEqualTo(accountsBefore);
            assertThat(http.get("/accounts/" + (CLIENT_OFFSET + 1) + "/transactions?size=65536").body())
                    .isEqualTo(historyBefore);
            assertThat(http.get("/accounts").header(ServiceReplay.SNAPSHOT_HEADER)).isEmpty();
            // writes are open again
            assertThat(postJson("{\"type\":\"deposit\",\"client\":507,\"tx\":900070,\"amount\":1}").get("outcome").asText())
                    .isEqualTo("accepted");
        }
    }

    // --- around it -----------------------------------------------------------------------------

    @Nested
    class Operations {

        @Test
        void openApiDocumentDescribesEveryEndpointAndSwaggerUiIsServed() {
            JsonNode api = http.get("/v3/api-docs").json();

            assertThat(api.get("paths").fieldNames()).toIterable().contains("/accounts", "/accounts/{client}",
                    "/accounts/{client}/transactions", "/transactions", "/transactions/{tx}", "/admin/replay");
            assertThat(api.at("/paths/~1transactions/post/requestBody/content").fieldNames()).toIterable()
                    .contains("application/json", "text/csv");
            assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
            assertThat(http.get("/swagger-ui/index.html", "text/html").status()).isEqualTo(200);
        }

        @Test
        void openApiDocumentListsTheErrorsOfTheReads() {
            JsonNode paths = http.get("/v3/api-docs").json().get("paths");

            assertThat(paths.at("/~1accounts/get/responses").fieldNames()).toIterable().contains("200", "400");
            assertThat(paths.at("/~1accounts~1{client}/get/responses").fieldNames()).toIterable().contains("200", "400", "404");
            assertThat(paths.at("/~1accounts~1{client}~1transactions/get/responses").fieldNames()).toIterable()
                    .contains("200", "400", "404");
            assertThat(paths.at("/~1transactions~1{tx}/get/responses").fieldNames()).toIterable().contains("200", "400", "404");
        }

        /** Writers are exclusive; {@code accounts} only reads, and reads what the service's projection stored. */
        @Test
        void noOtherWriterOpensTheServedLedgerButAccountsReadsIt() throws IOException {
            Path more = Files.writeString(work.resolve("more.csv"), "type,client,tx,amount\ndeposit,509,900090,1\n");
            long eventsBefore = events();

            Cli.Result imported = Cli.run(more.toString(), "--db", db.toString());
            Cli.Result replayed = Cli.run("replay", "--db", db.toString());
            Cli.Result accounts = Cli.run("accounts", "--db", db.toString());

            assertThat(List.of(imported, replayed)).allSatisfy(result -> {
                assertThat(result.exitCode()).isEqualTo(1);
                // the holder is named as the backend knows it: "a serve, an import, a replay" or its process
                assertThat(result.err()).startsWith("payonator: " + db + " is in use by another payonator process (")
                        .endsWith("); stop it first\n").hasLineCount(1);
                assertThat(result.out()).isEmpty();
            });
            assertThat(events()).isEqualTo(eventsBefore);
            assertThat(accounts.exitCode()).isZero();
            assertThat(accounts.err()).isEqualTo("payonator: " + db + " is open in another payonator process: its"
                    + " balances as that process has applied them so far\n");
            assertThat(accounts.out()).isEqualTo(http.get("/accounts", "text/csv").body());
        }

        @Test
        void healthIsUpWithTheProjection() {
            JsonNode health = http.get("/actuator/health").json();

            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/projection/status").asText()).isEqualTo("UP");
        }

        /**
         * Health and metrics read what the service has in memory: they answer at once while a write
         * holds the write lock, and while the projection holds the query side's only connection (as
         * it does for each batch, and a replay for its whole run).
         */
        @Test
        void healthAndMetricsAnswerAtOnceWhileAWriteAndAProjectionBatchRun() throws Exception {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread writer = new Thread(() -> holdWriteLockAndProjectionConnection(held, release), "busy-writer");
            writer.start();
            try {
                assertThat(held.await(30, TimeUnit.SECONDS)).as("the write lock and the connection are taken").isTrue();

                long start = System.nanoTime();
                Http.Response health = http.get("/actuator/health");
                long healthMillis = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                Http.Response prometheus = http.get("/actuator/prometheus", "text/plain");
                long prometheusMillis = (System.nanoTime() - start) / 1_000_000;

                assertThat(health.status()).as(health.body()).isEqualTo(200);
                assertThat(health.json().at("/components/projection/details/lagEvents").isNumber()).isTrue();
                assertThat(healthMillis).as("health answered in ms while busy").isLessThan(1_000);
                assertThat(prometheus.body()).contains("payonator_projection_lag_events");
                assertThat(prometheusMillis).as("prometheus answered in ms while busy").isLessThan(1_000);
            } finally {
                release.countDown();
                writer.join(Duration.ofSeconds(30).toMillis());
            }
        }

        private void holdWriteLockAndProjectionConnection(CountDownLatch held, CountDownLatch release) {
            try (Connection projection = service.ledger().get(DataSource.class).getConnection()) {
                service.ledger().get(LedgerWrites.class).exclusive(() -> {
                    held.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                });
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void prometheusCountsCommandsByOutcomeAndReasonAndShowsTheProjectionLag() {
            double acceptedBefore = metric("payonator_commands_total{application=\"payonator\",outcome=\"accepted\",reason=\"none\"}");
            double duplicatesBefore = metric("payonator_commands_total{application=\"payonator\",outcome=\"rejected\",reason=\"duplicate_tx\"}");

            postJson("{\"type\":\"deposit\",\"client\":508,\"tx\":900080,\"amount\":1}");
            postJson("{\"type\":\"deposit\",\"client\":508,\"tx\":900080,\"amount\":1}");

            assertThat(metric("payonator_commands_total{application=\"payonator\",outcome=\"accepted\",reason=\"none\"}"))
                    .isEqualTo(acceptedBefore + 1);
            assertThat(metric("payonator_commands_total{application=\"payonator\",outcome=\"rejected\",reason=\"duplicate_tx\"}"))
                    .isEqualTo(duplicatesBefore + 1);
            assertThat(eventually(() -> metric("payonator_projection_lag_events{application=\"payonator\"}") == 0
                    ? "caught up" : null)).isEqualTo("caught up");
        }

        private double metric(String series) {
            String text = http.get("/actuator/prometheus", "text/plain").body();
            return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                    .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                    .orElseThrow(() -> new AssertionError(series + " not in\n" + text));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private JsonNode postJson(String body) {
        Http.Response response = http.post("/transactions", "application/json", body, BEARER);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /**
     * Reads are eventually consistent: the projection applies new events within moments, maybe in
     * several batches: the body at {@code path} has to become {@code expected} within seconds.
     */
    private void assertSettles(String path, String expected) {
        assertThat(eventually(() -> http.get(path).body(), expected::equals)).as(path).isEqualTo(expected);
    }

    /** Reads are eventually consistent: the projection applies new events within moments. */
    private static <T> T eventually(Supplier<T> read) {
        return eventually(read,
                last -> last != null && !(last instanceof String text && text.contains("\"status\":404")));
    }

    /** The first read that is {@code done} within seconds, or the last read. */
    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            sleep();
            last = read.get();
        }
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events in the ledger's store, read straight from its database. */
    private long events() {
        try (Connection connection = DriverManager.getConnection(backend().jdbcUrl(db));
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sampleCase() {
        return ConformanceCases.directory().resolve("payonator-sample");
    }

    private static String csvRow(JsonNode account) {
        return account.get("client").asInt() + "," + account.get("available").asText() + ","
                + account.get("held").asText() + "," + account.get("total").asText() + ","
                + account.get("locked").asBoolean();
    }

    /** Generated rows with clients and tx ids moved past the sample's. */
    private Path generatedRows(int rows) throws IOException {
        StringWriter generated = new StringWriter();
        new TransactionGenerator(7, 300, 0.01).write(rows, generated);
        StringBuilder shifted = new StringBuilder();
        generated.toString().lines().forEach(line -> shifted.append(shift(line)).append('\n'));
        return Files.writeString(work.resolve("generated.csv"), shifted);
    }

    private static String shift(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < 3 || !fields[1].matches("\\d{1,4}") || !fields[2].matches("\\d{1,9}")) {
            return line;
        }
        fields[1] = Integer.toString(Integer.parseInt(fields[1]) + CLIENT_OFFSET);
        fields[2] = Long.toString(Long.parseLong(fields[2]) + TX_OFFSET);
        return String.join(",", fields);
    }
}

package io.payonator.ops.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.testing.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit ({@link WriteGroups}, {@link OnlineIntake}) over real HTTP on a real ledger: a SQLite
 * file here, a PostgreSQL database in {@link PostgresGroupCommitTest}. Requests decided together
 * must answer exactly what they would have answered one after another, and a group that cannot be
 * stored must answer no row as accepted that is not stored, and keep no tx id reserved for it.
 * Each test uses clients and tx ids of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest {

    private static final String TOKEN = "group-commit-token";
    private static final String BEARER = "Bearer " + TOKEN;
    /** The client whose events the database refuses in {@link #aGroupThatCannotBeStoredIsStoredRequestByRequest}. */
    private static final int REFUSED_CLIENT = 7_777;

    private Path work;
    private String db;
    private LedgerService service;
    private Http http;

    @BeforeAll
    void serve(@TempDir Path work) {
        this.work = work;
        db = backend().newLedger(work);
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

    /**
     * Many threads post deposits and withdrawals for a few clients at once, some tx ids sent by
     * several threads: the answers are those of the order the ledger recorded the rows in, as an
     * import of the same rows in that order decides them, and its accounts are the service's.
     */
    @Test
    void concurrentRequestsAnswerWhatTheirRowsInLedgerOrderAnswer() throws Exception {
        List<Row> rows = contestedRows(16, 40);
        Map<String, JsonNode> answers = postConcurrently(rows, 16);

        assertThat(answers.values()).allSatisfy(answer -> assertThat(answer.get("outcome").asText())
                .isIn("accepted", "rejected"));
        assertThat(acceptedTxIds(answers)).doesNotHaveDuplicates();
        List<JsonNode> recorded = recordedInOrder(rows);
        assertThat(recorded).extracting(entry -> entry.get("source").asText())
                .containsExactlyInAnyOrderElementsOf(answers.keySet());
        for (JsonNode entry : recorded) {
            JsonNode answer = answers.get(entry.get("source").asText());
            assertThat(outcome(answer)).as(entry.toString()).isEqualTo(outcome(entry));
        }

        Path serial = serialInput(answers, recorded);
        Path rejects = work.resolve("serial-rejects.csv");
        Cli.Result imported = Cli.run(serial.toString(), "--db", work.resolve("serial.db").toString(), "--rejects",
                rejects.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(importedOutcomes(recorded.size(), rejects))
                .isEqualTo(recorded.stream().map(GroupCommitTest::outcome).toList());
        assertThat(eventually(() -> http.get("/accounts", "text/csv").body(), imported.out()::equals))
                .isEqualTo(imported.out());
    }

    /**
     * Requests that wait while another write runs form one group, decided in arrival order: of two
     * with the same tx id the first is accepted and the second is a duplicate, as one after another.
     */
    @Test
    void requestsThatWaitedTogetherAreOneGroupInArrivalOrder() throws Exception {
        List<CompletableFuture<Http.Response>> answers = whileTheTurnIsHeld(List.of(
                deposit(6_001, 600_001, "5"),
                deposit(6_002, 600_001, "6"),
                withdrawal(6_001, 600_002, "2"),
                withdrawal(6_001, 600_003, "4")));

        assertThat(answers).extracting(answer -> outcome(answer.get().json()))
                .containsExactly("accepted", "rejected:duplicate_tx", "accepted", "rejected:insufficient_funds");
        assertSettles("/accounts/6001",
                "{\"client\":6001,\"available\":\"3.0000\",\"held\":\"0.0000\",\"total\":\"3.0000\",\"locked\":false}");
    }

    /**
     * The database refuses the events of one client (a trigger): the group holding its request cannot
     * be stored, so each of its requests is stored alone. That one fails (500) and stores nothing;
     * its tx id is not left reserved, so a later request of the group with the same tx id is accepted;
     * the others answer as they would have.
     */
    @Test
    void aGroupThatCannotBeStoredIsStoredRequestByRequest() throws Exception {
        refuseEventsOf(REFUSED_CLIENT);
        long eventsBefore = events();

        List<CompletableFuture<Http.Response>> answers = whileTheTurnIsHeld(List.of(
                deposit(6_101, 610_001, "5"),
                deposit(REFUSED_CLIENT, 610_002, "1"),
                deposit(6_102, 610_002, "2"),
                deposit(6_103, 610_001, "3")));

        Http.Response refused = answers.get(1).get();
        assertThat(refused.status()).as(refused.body()).isEqualTo(500);
        assertThat(refused.body()).doesNotContain("accepted");
        assertThat(answers.get(0).get().json().get("outcome").asText()).isEqualTo("accepted");
        assertThat(answers.get(2).get().json().get("outcome").asText()).as("the refused request's tx id is free")
                .isEqualTo("accepted");
        assertThat(outcome(answers.get(3).get().json())).isEqualTo("rejected:duplicate_tx");
        // three new clients, each opened and its row decided; nothing of the refused client
        assertThat(events() - eventsBefore).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = '" + REFUSED_CLIENT + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM tx_reservation WHERE tx = 610002 AND client = 6102")).isEqualTo(1);
    }

    /** A replay waits for the group in progress, and the requests that come meanwhile are refused (503). */
    @Test
    void aReplayRefusesTheRequestsThatWaitForTheirGroup() throws Exception {
        LedgerWrites writes = service.ledger().get(LedgerWrites.class);
        writes.beginReplay();
        try {
            Http.Response refused = post(deposit(6_201, 620_001, "1"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isPresent();
        } finally {
            writes.endReplay(true);
        }
        assertThat(outcome(post(deposit(6_201, 620_001, "1")).json())).isEqualTo("accepted");
    }

    // --- requests ------------------------------------------------------------------------------

    private record Row(String type, int client, long tx, String amount) {

        String json() {
            return "{\"type\":\"" + type + "\",\"client\":" + client + ",\"tx\":" + tx + ",\"amount\":\"" + amount + "\"}";
        }

        String csv() {
            return type + "," + client + "," + tx + "," + amount;
        }
    }

    private static Row deposit(int client, long tx, String amount) {
        return new Row("deposit", client, tx, amount);
    }

    private static Row withdrawal(int client, long tx, String amount) {
        return new Row("withdrawal", client, tx, amount);
    }

    /**
     * Rows for 8 clients, whose outcomes depend on their order: withdrawals that the deposits before
     * them may or may not cover, and every fifth row using one of 10 tx ids that other threads use too.
     */
    private static List<Row> contestedRows(int threads, int perThread) {
        Random random = new Random(14);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            int client = 6_300 + random.nextInt(8);
            long tx = i % 5 == 0 ? 630_000 + random.nextInt(10) : 631_000 + i;
            String amount = (1 + random.nextInt(9)) + "." + random.nextInt(10);
            rows.add(random.nextInt(3) == 0 ? withdrawal(client, tx, amount) : deposit(client, tx, amount));
        }
        return rows;
    }

    /** Posts the rows from {@code threads} threads at once (thread t the rows t, t + threads, ...); the answers by source. */
    private Map<String, JsonNode> postConcurrently(List<Row> rows, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<JsonNode>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                sent.add(pool.submit(() -> {
                    start.await();
                    List<JsonNode> answers = new ArrayList<>();
                    for (int i = first; i < rows.size(); i += threads) {
                        Http.Response response = post(rows.get(i));
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                        answers.add(response.json());
                    }
                    return answers;
                }));
            }
            start.countDown();
            Map<String, JsonNode> bySource = new HashMap<>();
            for (Future<List<JsonNode>> thread : sent) {
                thread.get(2, TimeUnit.MINUTES).forEach(answer -> bySource.put(answer.get("source").asText(), answer));
            }
            assertThat(bySource).hasSize(rows.size());
            return bySource;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends the requests one after another, each once the one before waits for its group, while this
     * test holds the writers' turn; then lets them be written, as one group.
     */
    private List<CompletableFuture<Http.Response>> whileTheTurnIsHeld(List<Row> rows) throws Exception {
        LedgerWrites writes = service.ledger().get(LedgerWrites.class);
        OnlineIntake intake = service.ledger().get(OnlineIntake.class);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> writes.exclusive(() -> {
            held.countDown();
            return released(release);
        }));
        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            for (Row row : rows) {
                int before = intake.waiting();
                answers.add(CompletableFuture.supplyAsync(() -> post(row)));
                assertThat(waitFor(() -> intake.waiting() == before + 1)).as("request %s waits", row).isTrue();
            }
        } finally {
            release.countDown();
        }
        assertThat(holder.get(1, TimeUnit.MINUTES)).isTrue();
        return answers;
    }

    private Http.Response post(Row row) {
        return http.post("/transactions", "application/json", row.json(), BEARER);
    }

    // --- what the ledger recorded --------------------------------------------------------------

    private static List<Long> acceptedTxIds(Map<String, JsonNode> answers) {
        return answers.values().stream().filter(answer -> answer.get("outcome").asText().equals("accepted"))
                .map(answer -> answer.get("tx").asLong()).toList();
    }

    /** Every row of the rows' clients, as their histories show them, in ledger order (by position). */
    private List<JsonNode> recordedInOrder(List<Row> rows) {
        List<Integer> clients = rows.stream().map(Row::client).distinct().sorted().toList();
        List<JsonNode> entries = eventually(() -> {
            List<JsonNode> all = new ArrayList<>();
            for (int client : clients) {
                http.get("/accounts/" + client + "/history?size=1000").json().get("entries").forEach(all::add);
            }
            return all;
        }, all -> all.size() == rows.size());
        assertThat(entries).hasSize(rows.size());
        return entries.stream().sorted(Comparator.comparingLong(entry -> entry.get("position").asLong())).toList();
    }

    /** The posted rows, as their answers name them, in the order the ledger recorded them, as a file to import. */
    private Path serialInput(Map<String, JsonNode> answers, List<JsonNode> recorded) throws IOException {
        StringBuilder csv = new StringBuilder("type,client,tx,amount\n");
        for (JsonNode entry : recorded) {
            JsonNode row = answers.get(entry.get("source").asText());
            csv.append(row.get("type").asText()).append(',').append(row.get("client").asInt()).append(',')
                    .append(row.get("tx").asLong()).append(',').append(row.get("amount").asText()).append('\n');
        }
        return Files.writeString(work.resolve("serial.csv"), csv);
    }

    /** Each row's outcome, by line (the header is line 1), from the import's rejects report. */
    private static List<String> importedOutcomes(int rows, Path rejects) throws IOException {
        Map<Long, String> rejected = Files.readAllLines(rejects).stream().skip(1)
                .map(line -> line.split(",", 4))
                .collect(Collectors.toMap(fields -> Long.parseLong(fields[1]), fields -> "rejected:" + fields[2]));
        List<String> outcomes = new ArrayList<>();
        for (long line = 2; line < rows + 2; line++) {
            outcomes.add(rejected.getOrDefault(line, "accepted"));
        }
        return outcomes;
    }

    private static String outcome(JsonNode row) {
        String outcome = row.get("outcome").asText();
        return row.hasNonNull("reason") ? outcome + ":" + row.get("reason").asText() : outcome;
    }

    /** Makes the database refuse to store any event of {@code client}. */
    private void refuseEventsOf(int client) {
        String identifier = "'" + client + "'";
        List<String> statements = backend() == Backend.SQLITE
                ? List.of("CREATE TRIGGER refuse_client BEFORE INSERT ON DomainEventEntry WHEN NEW.aggregateIdentifier = "
                        + identifier + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                : List.of("CREATE FUNCTION refuse_client() RETURNS trigger LANGUAGE plpgsql AS"
                                + " $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
                        "CREATE TRIGGER refuse_client BEFORE INSERT ON DomainEventEntry FOR EACH ROW"
                                + " WHEN (NEW.aggregateIdentifier = " + identifier + ") EXECUTE FUNCTION refuse_client()");
        try (Connection connection = DriverManager.getConnection(backend().jdbcUrl(db));
             Statement statement = connection.createStatement()) {
            if (backend() == Backend.SQLITE) {
                statement.execute("PRAGMA busy_timeout = 30000");
            }
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long events() {
        return count("SELECT count(*) FROM DomainEventEntry");
    }

    private long count(String query) {
        try (Connection connection = DriverManager.getConnection(backend().jdbcUrl(db));
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(query)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertSettles(String path, String expected) {
        assertThat(eventually(() -> http.get(path).body(), expected::equals)).as(path).isEqualTo(expected);
    }

    /** The first read that is {@code done} within seconds, or the last read. */
    private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            pause();
            last = read.get();
        }
        return last;
    }

    private static boolean waitFor(BooleanSupplier condition) {
        return eventually(condition::getAsBoolean, Boolean::booleanValue);
    }

    private static boolean released(CountDownLatch latch) {
        try {
            return latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

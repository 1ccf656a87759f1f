package io.payonator.ops.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.testing.ServedNode;
import io.payonator.ops.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes of a cluster on one PostgreSQL ledger, as real processes of the launcher on
 * loopback ports: writers post single rows to all of them, some tx ids to two nodes at once, one
 * node is killed with SIGKILL mid-way and started again, and every request that got no answer
 * (503, or a connection to the dead node) is retried on another node with the same tx id. Then
 * the ledger must hold exactly what was answered: each tx id accepted at most once, every
 * answered row stored, each balance the sum of its accepted rows, every node printing the same
 * accounts, and a replay reproducing them.
 */
class ClusterProcessIT {

    private static final String TOKEN = "cluster-it-token";
    private static final String SECRET = "cluster-it-secret-0123456789";
    private static final int CLIENTS = 40;
    private static final int WRITERS = 4;
    private static final int ROWS_PER_WRITER = 150;
    /** Every this many rows a writer also sends a tx id to two nodes at once. */
    private static final int TWIN_EVERY = 10;

    @TempDir
    Path work;

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a node answered for a tx id, with the row that was sent. */
    private record Answer(long tx, int client, String type, long amountUnits, String outcome, String reason) {
    }

    private final Map<Long, List<Answer>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final Set<Long> twins = ConcurrentHashMap.newKeySet();
    /** Tx ids some attempt of which got no answer (503, or a timeout): the row may or may not be stored. */
    private final Set<Long> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger storedThough503 = new AtomicInteger();
    private final AtomicInteger posted = new AtomicInteger();

    @AfterEach
    void stopNodes() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedNodeLosesNothingAndNoTxIdIsAppliedTwice() throws Exception {
        String db = TestPostgres.newDatabase();
        int[] ports = ServedNode.freeLoopbackPorts(3);
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
        ServedNode.prepareLauncher();
        ServedNode[] nodes = new ServedNode[3];
        for (int i = 0; i < 3; i++) {
            nodes[i] = start(db, members, ports[i], SECRET, "node" + i);
        }
        for (ServedNode node : nodes) {
            node.awaitAddress();
        }
        for (ServedNode node : nodes) {
            awaitMembers(node, 3);
        }
        assertNoUdp(nodes);
        assertStrangerCannotJoin(db, members, nodes[0]);
        assertPlainWritersAreRefused(db, nodes[0], ports[0]);

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS * 2);
        AtomicLong nextTx = new AtomicLong(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> write(writer, nodes, nextTx, writers)));
        }
        // mid-way: SIGKILL, as a machine's death would
        awaitPosted(WRITERS * ROWS_PER_WRITER / 3);
        nodes[2].process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        awaitMembers(nodes[0], 2);
        awaitPosted(WRITERS * ROWS_PER_WRITER * 2 / 3);
        nodes[2] = start(db, members, ports[2], SECRET, "node2-again");
        nodes[2].awaitAddress();
        awaitMembers(nodes[0], 3);
        for (Future<?> writer : done) {
            writer.get(10, TimeUnit.MINUTES);
        }
        writers.shutdown();

        for (ServedNode node : nodes) {
            awaitCaughtUp(node);
        }
        String accounts = get(nodes[0], "/accounts", "text/csv").body();
        for (ServedNode node : nodes) {
            assertThat(get(node, "/accounts", "text/csv").body()).as("accounts on " + node.name).isEqualTo(accounts);
        }
        checkLedger(db, nodes[1], accounts);

        // the replay: nodes stopped, the command line rebuilds the balances from the events
        for (ServedNode node : nodes) {
            node.process.destroy();
            assertThat(node.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Cli.Result replay = Cli.run("replay", "--db", db);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).isEqualTo(accounts);
        System.err.printf("cluster IT: %d rows posted (%d tx ids also to a second node at once), 1 node killed"
                        + " (SIGKILL) and restarted, %d retries (%d answered 503, %d found no node or lost the answer), %d tx ids"
                        + " answered, %d rows stored whose answer was lost in the change (retried: duplicate_tx)%n",
                posted.get(), twins.size(), retries.get(), unavailable.get(), unreachable.get(), answers.size(),
                storedThough503.get());
    }

    /** One writer: rows round-robin over the nodes; some tx ids also go to a second node at once. */
    private Void write(int writer, ServedNode[] nodes, AtomicLong nextTx, ExecutorService pool) throws Exception {
        for (int row = 0; row < ROWS_PER_WRITER; row++) {
            long tx = nextTx.getAndIncrement();
            int client = (int) (tx % CLIENTS);
            boolean deposit = row % 4 != 3;
            long units = (1 + tx % 7) * 10_000;
            int first = (writer + row) % 3;
            if (row % TWIN_EVERY == 0) {
                // the same tx id, another client, another node, at the same moment
                int twinClient = (client + 1) % CLIENTS;
                twins.add(tx);
                Future<?> twin = pool.submit(() -> post(nodes, (first + 1) % 3, tx, twinClient, "deposit", units));
                post(nodes, first, tx, client, deposit ? "deposit" : "withdrawal", units);
                twin.get();
            } else {
                post(nodes, first, tx, client, deposit ? "deposit" : "withdrawal", units);
            }
            posted.incrementAndGet();
        }
        return null;
    }

    /** Posts until some node answers 200; a 503 or a dead node means: the same request to the next node. */
    private Void post(ServedNode[] nodes, int first, long tx, int client, String type, long units) throws Exception {
        String body = "{\"type\":\"" + type + "\",\"client\":" + client + ",\"tx\":" + tx + ",\"amount\":\""
                + units / 10_000 + "\"}";
        for (int attempt = 0; attempt < 60; attempt++) {
            ServedNode node = nodes[(first + attempt) % 3];
            if (attempt > 0) {
                retries.incrementAndGet();
                Thread.sleep(attempt % 3 == 0 ? 500 : 50);
            }
            if (node.uri() == null) {
                continue;  // a node starting again has not said where it listens yet
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(node.uri().resolve("/transactions"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                unreachable.incrementAndGet();
                continue;
            } catch (IOException e) {
                // sent, but no answer: as uncertain as a 503
                unanswered.add(tx);
                unreachable.incrementAndGet();
                continue;
            }
            if (response.statusCode() == 503) {
                unanswered.add(tx);
                unavailable.incrementAndGet();
                assertThat(response.headers().firstValue("Retry-After")).as("503 without Retry-After").isPresent();
                continue;
            }
            assertThat(response.statusCode()).as(node.name + ": " + response.body()).isEqualTo(200);
            JsonNode json = Http.JSON.readTree(response.body());
            answers.computeIfAbsent(tx, k -> new CopyOnWriteArrayList<>()).add(new Answer(tx, client, type, units,
                    json.get("outcome").asText(), json.path("reason").asText(null)));
            return null;
        }
        throw new AssertionError("no node answered tx " + tx + " in 60 attempts");
    }

    /**
     * What was answered must be what the ledger holds. A row the ledger accepted without an
     * "accepted" answer is allowed only where an attempt got a 503 or no answer (the owner stored it,
     * its answer was lost with the change): its retry is then, by SPEC.md, a duplicate_tx.
     */
    private void checkLedger(String db, ServedNode node, String accounts) throws Exception {
        Map<Long, Answer> answeredAccepted = new HashMap<>();
        for (List<Answer> forTx : answers.values()) {
            List<Answer> yes = forTx.stream().filter(a -> a.outcome().equals("accepted")).toList();
            assertThat(yes).as("tx " + forTx.get(0).tx() + " accepted at most once: " + forTx).hasSizeLessThanOrEqualTo(1);
            yes.forEach(answer -> answeredAccepted.put(answer.tx(), answer));
        }
        Set<Long> reserved = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(db);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tx FROM tx_reservation")) {
            while (rows.next()) {
                reserved.add(rows.getLong(1));
            }
        }
        assertThat(reserved).as("every answered tx id is in the ledger").containsAll(answers.keySet());
        Map<Integer, Long> expected = new TreeMap<>();
        for (long tx : answers.keySet()) {
            HttpResponse<String> stored = get(node, "/transactions/" + tx, "application/json");
            Answer accepted = answeredAccepted.get(tx);
            if (stored.statusCode() == 404) {
                assertThat(accepted).as("tx " + tx + " answered accepted is stored").isNull();
                continue;
            }
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            JsonNode row = Http.JSON.readTree(stored.body());
            int client = row.get("client").asInt();
            long amount = units(row.get("amount").asText());
            String type = row.get("type").asText();
            if (accepted != null) {
                assertThat(List.of(client, type, amount)).as("tx " + tx + " stored as answered")
                        .isEqualTo(List.of(accepted.client(), accepted.type(), accepted.amountUnits()));
            } else {
                assertThat(unanswered).as("tx " + tx + " stored without an accepted answer: only after a 503"
                        + " or a lost answer; answers: " + answers.get(tx)).contains(tx);
                storedThough503.incrementAndGet();
            }
            expected.merge(client, type.equals("deposit") ? amount : -amount, Long::sum);
        }
        Map<Integer, Long> balances = new HashMap<>();
        for (String line : accounts.strip().split("\n")) {
            if (line.startsWith("client")) {
                continue;
            }
            String[] fields = line.split(",");
            balances.put(Integer.parseInt(fields[0]), units(fields[3]));
        }
        expected.forEach((client, total) -> assertThat(balances.get(client)).as("total of client " + client)
                .isEqualTo(total));
        assertThat(answeredAccepted).as("rows were accepted").hasSizeGreaterThan(WRITERS * ROWS_PER_WRITER / 2);
        for (long tx : twins) {
            assertThat(answers.get(tx)).as("tx " + tx + ", sent to two nodes at once, is a duplicate once")
                    .hasSize(2).anyMatch(answer -> "duplicate_tx".equals(answer.reason()));
        }
    }

    private static long units(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(4).longValueExact();
    }

    /** A process without the members' secret is refused, and the members' views stay as they were. */
    private void assertStrangerCannotJoin(String db, String members, ServedNode member) throws Exception {
        int port = ServedNode.freeLoopbackPorts(1)[0];
        ServedNode stranger = start(db, members + ",127.0.0.1:" + port, port, "not-the-secret-at-all", "stranger");
        assertThat(stranger.process.waitFor(120, TimeUnit.SECONDS)).as("the stranger gives up").isTrue();
        assertThat(stranger.process.exitValue()).isNotZero();
        assertThat(Files.readString(stranger.err)).contains("refused this node");
        assertThat(members(member)).hasSize(3).doesNotContain("127.0.0.1:" + port);
        ProcessBuilder withoutSecret = new ProcessBuilder(ServedNode.LAUNCHER.toString(), "serve", "--db", db, "--port", "0",
                "--token", TOKEN, "--cluster", members, "--cluster-bind", members.split(",")[0])
                .redirectErrorStream(true).redirectOutput(work.resolve("no-secret.txt").toFile());
        withoutSecret.environment().remove("PAYONATOR_CLUSTER_SECRET");
        Process noSecret = withoutSecret.start();
        assertThat(noSecret.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(noSecret.exitValue()).isNotZero();
        assertThat(Files.readString(work.resolve("no-secret.txt"))).contains("secret");
    }

    /**
     * The JVMs of the nodes have no UDP socket: cluster traffic is TCP to the listed members only.
     * (Their TCP sockets are listed with their pids, so the tool shows processes here.)
     */
    private static void assertNoUdp(ServedNode[] nodes) throws Exception {
        String udp = sockets("-uanp");
        String tcp = sockets("-tanp");
        for (ServedNode node : nodes) {
            assertThat(tcp).as("TCP sockets of " + node.name).contains("pid=" + node.process.pid() + ",");
            assertThat(udp).as("UDP sockets of " + node.name).doesNotContain("pid=" + node.process.pid() + ",");
        }
    }

    private static String sockets(String options) throws Exception {
        Process ss = new ProcessBuilder("ss", options).redirectErrorStream(true).start();
        String sockets = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor()).isZero();
        return sockets;
    }

    /**
     * While the cluster serves the ledger, a plain import is refused, naming the nodes; a replay from
     * one node's service runs over the whole cluster (here on an empty ledger; ClusterImportIT
     * replays a full one).
     */
    private void assertPlainWritersAreRefused(String db, ServedNode node, int clusterPort) throws Exception {
        Path rows = work.resolve("rows.csv");
        Files.writeString(rows, "type,client,tx,amount\ndeposit,1,4000000000,1.0\n");
        Cli.Result imported = Cli.run(rows.toString(), "--db", db);
        assertThat(imported.exitCode()).as(imported.err()).isNotZero();
        assertThat(imported.err()).contains("served by a cluster").contains("127.0.0.1:" + clusterPort);
        HttpResponse<String> replay = http.send(HttpRequest.newBuilder(node.uri().resolve("/admin/replay"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(replay.body()).get("identical").asBoolean()).as(replay.body()).isTrue();
    }

    private ServedNode start(String db, String members, int port, String secret, String name) throws IOException {
        Path err = work.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(ServedNode.LAUNCHER.toString(), "serve", "--db", db, "--port", "0",
                "--token", TOKEN, "--cluster", members, "--cluster-bind", "127.0.0.1:" + port)
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(err.toFile());
        builder.environment().put("PAYONATOR_CLUSTER_SECRET", secret);
        builder.environment().put("PAYONATOR_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
        Process process = builder.start();
        processes.add(process);
        return new ServedNode(name, process, err);
    }

    private void awaitPosted(int rows) throws InterruptedException {
        while (posted.get() < rows) {
            Thread.sleep(50);
        }
    }

    private List<String> members(ServedNode node) {
        JsonNode health = Http.JSON.valueToTree(Map.of());
        try {
            health = Http.JSON.readTree(get(node, "/actuator/health/projection", "application/json").body());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> members = new ArrayList<>();
        health.path("details").path("members").forEach(member -> members.add(member.asText()));
        return members;
    }

    private void awaitMembers(ServedNode node, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (members(node).size() != count) {
            assertThat(System.nanoTime()).as(node.name + " sees " + count + " members").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void awaitCaughtUp(ServedNode node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonNode health = Http.JSON.readTree(get(node, "/actuator/health/projection", "application/json").body());
            if (health.path("details").path("lagEvents").asLong(-1) == 0) {
                return;
            }
            assertThat(System.nanoTime()).as(node.name + " caught up: " + health).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(ServedNode node, String path, String accept) {
        try {
            return http.send(HttpRequest.newBuilder(node.uri().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", accept).header("Authorization", "Bearer " + TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

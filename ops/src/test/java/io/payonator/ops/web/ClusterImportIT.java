package io.payonator.ops.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.payonator.ops.cli.Cli;
import io.payonator.ops.testing.ServedNode;
import io.payonator.ops.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import through a cluster and a replay over it, with two nodes serving one PostgreSQL ledger as
 * real processes of the launcher. The import joins the cluster as a third member, is killed with
 * SIGKILL twice (while the owners store its first chunk, and some chunks later) and run again: the
 * ledger must then hold exactly what a plain import of the same file into a fresh ledger holds
 * (accounts and rejects, byte for byte), and a further run skips the file. Meanwhile a plain import
 * is refused, naming the nodes, and so is a replay while the import runs. Then
 * {@code POST /admin/replay} on one node pauses the other's writes, rebuilds the projection, finds
 * it identical, and both nodes print the same accounts.
 */
class ClusterImportIT {

    private static final String TOKEN = "cluster-import-it-token";
    private static final String SECRET = "cluster-import-it-secret-0123";
    private static final int ROWS = 30_000;
    /** Small chunks, so that the import is killed with some of them stored and more to come. */
    private static final String JAVA_OPTS = "-Xmx256m -XX:TieredStopAtLevel=1 -Dpayonator.import.chunk-rows=1500";

    @TempDir
    Path work;

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void importKilledAndResumedThroughTheClusterEqualsAPlainImportAndAReplayRebuildsIt() throws Exception {
        Path input = work.resolve("rows.csv");
        Cli.Result generated = Cli.run("generate", String.valueOf(ROWS), "--clients", "300", "--seed", "13",
                "--malformed", "0.01");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Files.writeString(input, generated.out());
        Path plainRejects = work.resolve("plain-rejects.csv");
        Cli.Result plain = Cli.run(input.toString(), "--db", TestPostgres.newDatabase(), "--rejects",
                plainRejects.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();

        String db = TestPostgres.newDatabase();
        int[] ports = ServedNode.freeLoopbackPorts(3);
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
        ServedNode.prepareLauncher();
        ServedNode[] nodes = {serve(db, members, ports[0], "node0"), serve(db, members, ports[1], "node1")};
        for (ServedNode node : nodes) {
            node.awaitAddress();
            awaitMembers(node, 2);
        }

        Cli.Result refused = Cli.run(input.toString(), "--db", db);
        assertThat(refused.exitCode()).as(refused.err()).isNotZero();
        assertThat(refused.err()).contains("served by a cluster").contains("127.0.0.1:" + ports[0])
                .contains("127.0.0.1:" + ports[1]).doesNotContain("Exception");

        // killed first while its first chunk is being stored by the owners, then once chunks are stored
        Process killed = importThroughCluster(db, members, ports[2], input, "import-killed");
        awaitStored(db, killed, "import-killed", "SELECT count(*) FROM import_client_mark", 50);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<String> storedWhenKilled = new ArrayList<>(List.of(progress(db)));
        awaitMembers(nodes[0], 2);
        Process killedAgain = importThroughCluster(db, members, ports[2], input, "import-killed-again");
        awaitStored(db, killedAgain, "import-killed-again", "SELECT coalesce(max(lines_done), 0) FROM import_source",
                ROWS / 3);
        killedAgain.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        storedWhenKilled.add(progress(db));
        awaitMembers(nodes[0], 2);

        Path clusterRejects = work.resolve("cluster-rejects.csv");
        Process resumed = importThroughCluster(db, members, ports[2], input, "import-resumed",
                "--rejects", clusterRejects.toString());
        awaitMembers(nodes[0], 3);
        HttpResponse<String> replayDuringImport = replay(nodes[0]).get();
        assertThat(replayDuringImport.statusCode()).as(replayDuringImport.body()).isEqualTo(409);
        assertThat(replayDuringImport.body()).contains("an import is running").contains("127.0.0.1:" + ports[2]);
        assertThat(resumed.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String resumedErr = Files.readString(work.resolve("import-resumed.err"));
        assertThat(resumed.exitValue()).as(resumedErr).isZero();
        assertThat(resumedErr).contains("resuming after line");
        assertThat(Files.readString(work.resolve("import-resumed.out"))).as("accounts after the resumed import")
                .isEqualTo(plain.out());
        assertThat(Files.readString(clusterRejects)).isEqualTo(Files.readString(plainRejects));

        Process again = importThroughCluster(db, members, ports[2], input, "import-again");
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(Files.readString(work.resolve("import-again.err"))).contains("skipped: already imported");
        assertThat(Files.readString(work.resolve("import-again.out"))).isEqualTo(plain.out());

        for (ServedNode node : nodes) {
            awaitMembers(node, 2);
        }
        boolean writesPausedOnTheOther = replayOnOneNode(nodes[0], nodes[1]);
        for (ServedNode node : nodes) {
            assertThat(get(node, "/accounts", "text/csv").body()).as("accounts on " + node.name).isEqualTo(plain.out());
        }
        assertThat(writesPausedOnTheOther).as("node1 refused writes while node0 replayed").isTrue();
        System.err.printf("cluster import IT: %d rows, killed (SIGKILL) twice, with %s stored, resumed: accounts and"
                + " rejects equal a plain import's; replay on one of two nodes identical%n", ROWS, storedWhenKilled);
    }

    /**
     * {@code POST /admin/replay} on {@code replaying} while {@code other} serves: answered identical,
     * and {@code other}'s health says its writes are closed while it runs (returned).
     */
    private boolean replayOnOneNode(ServedNode replaying, ServedNode other) throws Exception {
        CompletableFuture<HttpResponse<String>> replay = replay(replaying);
        boolean pausedSeen = false;
        while (!replay.isDone()) {
            JsonNode health = Http.JSON.readTree(get(other, "/actuator/health/projection", "application/json").body());
            pausedSeen |= !health.path("details").path("writesOpen").asBoolean(true);
            Thread.sleep(100);
        }
        HttpResponse<String> answer = replay.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = Http.JSON.readTree(answer.body());
        assertThat(report.get("identical").asBoolean()).as(answer.body()).isTrue();
        for (ServedNode node : new ServedNode[]{replaying, other}) {
            awaitWritesOpen(node);
        }
        return pausedSeen;
    }

    private CompletableFuture<HttpResponse<String>> replay(ServedNode node) {
        return http.sendAsync(HttpRequest.newBuilder(node.uri().resolve("/admin/replay")).timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Process importThroughCluster(String db, String members, int port, Path input, String name,
                                         String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(ServedNode.LAUNCHER.toString(), input.toString(), "--db", db,
                "--cluster", members, "--cluster-bind", "127.0.0.1:" + port));
        command.addAll(List.of(more));
        return launch(command, name);
    }

    private ServedNode serve(String db, String members, int port, String name) throws IOException {
        Process process = launch(List.of(ServedNode.LAUNCHER.toString(), "serve", "--db", db, "--port", "0", "--token", TOKEN,
                "--cluster", members, "--cluster-bind", "127.0.0.1:" + port), name);
        return new ServedNode(name, process, work.resolve(name + ".err"));
    }

    private Process launch(List<String> command, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile());
        builder.environment().put("PAYONATOR_CLUSTER_SECRET", SECRET);
        builder.environment().put("PAYONATOR_JAVA_OPTS", JAVA_OPTS);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Waits until {@code query} counts {@code least} or more of what the import stored, while it still runs. */
    private void awaitStored(String db, Process importing, String name, String query, long least) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (count(db, query) < least) {
            if (!importing.isAlive()) {
                throw new AssertionError(name + " ended (" + importing.exitValue() + ") before it was killed:\n"
                        + Files.readString(work.resolve(name + ".err")));
            }
            assertThat(System.nanoTime()).as("the import stores chunks").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String progress(String db) throws Exception {
        return count(db, "SELECT coalesce(max(lines_done), 0) FROM import_source") + " lines by the import's marks and "
                + count(db, "SELECT count(*) FROM import_client_mark") + " clients' marks";
    }

    private static long count(String db, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(db);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return 0;  // the first node has not created the tables yet
            }
            throw e;
        }
    }

    private JsonNode health(ServedNode node) throws IOException {
        return Http.JSON.readTree(get(node, "/actuator/health/projection", "application/json").body());
    }

    private void awaitMembers(ServedNode node, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (health(node).path("details").path("members").size() != count) {
            assertThat(System.nanoTime()).as(node.name + " sees " + count + " members").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void awaitWritesOpen(ServedNode node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!health(node).path("details").path("writesOpen").asBoolean(false)
                || health(node).path("details").path("lagEvents").asLong(-1) != 0) {
            assertThat(System.nanoTime()).as(node.name + " writes again, caught up: " + health(node))
                    .isLessThan(deadline);
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

package io.payonator.ops.web;

import io.payonator.ops.testing.ServedNode;
import io.payonator.ops.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the README's "Running a cluster": single-row posts spread over 1, 2 and 3 nodes
 * on one PostgreSQL ledger, with what a row costs in CPU on the nodes and on PostgreSQL. A
 * measurement, not a check: it runs only when asked,
 * {@code mvn -o verify -pl ops -am -Dit.test=ClusterBenchIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpayonator.cluster.bench=true} (rows: {@code -Dpayonator.cluster.bench.rows=N}).
 */
@EnabledIfSystemProperty(named = "payonator.cluster.bench", matches = "true")
class ClusterBenchIT {

    private static final String TOKEN = "cluster-bench-token";
    private static final int WRITERS = 8;
    private static final int WARM_UP_ROWS = 300;
    private static final long TICKS_PER_SECOND = 100;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong nextTx = new AtomicLong(1);

    @Test
    void singleRowPostsOverOneTwoAndThreeNodes() throws Exception {
        int rows = Integer.getInteger("payonator.cluster.bench.rows", 3000);
        Process version = new ProcessBuilder(ServedNode.LAUNCHER.toString(), "--version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(version.waitFor(5, TimeUnit.MINUTES)).isTrue();
        List<String> lines = new ArrayList<>();
        for (int size = 1; size <= 3; size++) {
            lines.add(run(size, rows));
        }
        System.err.println("nodes | rows | rows/s | p50 ms | p99 ms | node CPU ms/row | PostgreSQL CPU ms/row");
        lines.forEach(System.err::println);
    }

    private String run(int size, int rows) throws Exception {
        String db = TestPostgres.newDatabase();
        int[] ports = ServedNode.freeLoopbackPorts(size);
        String members = String.join(",", Arrays.stream(ports).mapToObj(port -> "127.0.0.1:" + port).toList());
        List<Process> processes = new ArrayList<>();
        try {
            List<URI> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Path err = work.resolve("bench-" + size + "-" + i + ".err");
                ProcessBuilder builder = new ProcessBuilder(ServedNode.LAUNCHER.toString(), "serve", "--db", db, "--port", "0",
                        "--token", TOKEN, "--cluster", members, "--cluster-bind", "127.0.0.1:" + ports[i])
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
                builder.environment().put("PAYONATOR_CLUSTER_SECRET", "cluster-bench-secret-0123456789");
                builder.environment().put("PAYONATOR_JAVA_OPTS", "-Xmx512m");
                processes.add(builder.start());
                ServedNode node = new ServedNode("node " + i, processes.get(i), err);
                node.awaitAddress();
                nodes.add(node.uri());
            }
            awaitMembers(nodes.get(0), size);
            post(nodes, WARM_UP_ROWS);
            long nodeTicks = ticks(processes.stream().map(Process::pid).toList());
            long postgresTicks = postgresTicks();
            long start = System.nanoTime();
            long[] latencies = post(nodes, rows);
            double seconds = (System.nanoTime() - start) / 1e9;
            double nodeMs = (ticks(processes.stream().map(Process::pid).toList()) - nodeTicks) * 1000.0
                    / TICKS_PER_SECOND / rows;
            double postgresMs = (postgresTicks() - postgresTicks) * 1000.0 / TICKS_PER_SECOND / rows;
            Arrays.sort(latencies);
            return String.format("%d | %d | %.0f | %.1f | %.1f | %.2f | %.2f", size, rows, rows / seconds,
                    latencies[rows / 2] / 1e6, latencies[rows * 99 / 100] / 1e6, nodeMs, postgresMs);
        } finally {
            for (Process process : processes) {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code rows} deposits, one per request, from {@link #WRITERS} writers, round-robin over the nodes. */
    private long[] post(List<URI> nodes, int rows) throws Exception {
        long[] latencies = new long[rows];
        AtomicLong next = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            done.add(writers.submit(() -> {
                for (long i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                    long tx = nextTx.getAndIncrement();
                    URI node = nodes.get((int) (i % nodes.size()));
                    String body = "{\"type\":\"deposit\",\"client\":" + (tx * 7919 % 1000) + ",\"tx\":" + tx
                            + ",\"amount\":\"1.5\"}";
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.resolve("/transactions"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies[(int) i] = System.nanoTime() - sent;
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get(30, TimeUnit.MINUTES);
        }
        writers.shutdown();
        return latencies;
    }

    /** CPU time, user and system, of these processes, in clock ticks (/proc/PID/stat). */
    private static long ticks(List<Long> pids) throws IOException {
        long total = 0;
        for (long pid : pids) {
            total += ticks(Path.of("/proc/" + pid + "/stat"));
        }
        return total;
    }

    /** CPU time of every PostgreSQL server process on this machine: the embedded server's. */
    private static long postgresTicks() throws IOException {
        long total = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        total += ticks(process.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // a backend that ended meanwhile
                }
            }
        }
        return total;
    }

    private static long ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3; utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private void awaitMembers(URI node, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String health = http.send(HttpRequest.newBuilder(node.resolve("/actuator/health/projection"))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            if (Http.JSON.readTree(health).path("details").path("members").size() == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(node + " does not see " + count + " members");
    }
}

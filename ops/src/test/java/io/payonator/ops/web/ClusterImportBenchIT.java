package io.payonator.ops.web;

import io.payonator.ops.cli.Cli;
import io.payonator.ops.testing.ServedNode;
import io.payonator.ops.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import through a cluster costs beside a plain one: the same generated file imported
 * into a fresh PostgreSQL ledger by a plain import, and through clusters of one and two serving
 * nodes, each timed from the launcher's start to its exit, with the accounts compared. Run on
 * request only: {@code mvn verify -pl ops -am -Dit.test=ClusterImportBenchIT -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dpayonator.cluster.bench=true} (rows:
 * {@code -Dpayonator.cluster.bench.rows=N}).
 */
@EnabledIfSystemProperty(named = "payonator.cluster.bench", matches = "true")
class ClusterImportBenchIT {

    private static final Pattern SERVING = Pattern.compile("serving .* at http://\\S+ ");
    private static final String SECRET = "cluster-import-bench-secret-0123";

    @TempDir
    Path work;

    private final List<Process> processes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void importThroughOneAndTwoNodesBesideAPlainImport() throws Exception {
        int rows = Integer.getInteger("payonator.cluster.bench.rows", 200_000);
        Path input = work.resolve("rows.csv");
        Cli.Result generated = Cli.run("generate", String.valueOf(rows), "--clients", "2000", "--seed", "7");
        assertThat(generated.exitCode()).isZero();
        Files.writeString(input, generated.out());
        launch(List.of(ServedNode.LAUNCHER.toString(), "--version"), "version").waitFor(5, TimeUnit.MINUTES);

        long start = System.nanoTime();
        Process plain = launch(List.of(ServedNode.LAUNCHER.toString(), input.toString(), "--db", TestPostgres.newDatabase()),
                "plain");
        assertThat(plain.waitFor(30, TimeUnit.MINUTES)).isTrue();
        long plainMillis = (System.nanoTime() - start) / 1_000_000;
        String accounts = Files.readString(work.resolve("plain.out"));
        StringBuilder table = new StringBuilder("| import | rows | seconds | rows/s |\n|---|---|---|---|\n");
        table.append(row("plain", rows, plainMillis));
        for (int nodes = 1; nodes <= 2; nodes++) {
            long millis = throughCluster(input, nodes, accounts);
            table.append(row("through " + nodes + " node" + (nodes == 1 ? "" : "s"), rows, millis));
        }
        System.err.println("cluster import bench:\n" + table);
    }

    /** Starts the nodes, then times the import through them; its accounts must be the plain import's. */
    private long throughCluster(Path input, int nodes, String accounts) throws Exception {
        String db = TestPostgres.newDatabase();
        int[] ports = ServedNode.freeLoopbackPorts(nodes + 1);
        List<String> members = new ArrayList<>();
        for (int port : ports) {
            members.add("127.0.0.1:" + port);
        }
        String list = String.join(",", members);
        List<Process> serving = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            serving.add(launch(List.of(ServedNode.LAUNCHER.toString(), "serve", "--db", db, "--port", "0", "--token", "bench-token",
                    "--cluster", list, "--cluster-bind", members.get(i)), "node" + nodes + "-" + i));
        }
        for (int i = 0; i < nodes; i++) {
            awaitServing(work.resolve("node" + nodes + "-" + i + ".err"));
        }
        String name = "import-" + nodes;
        long start = System.nanoTime();
        Process importing = launch(List.of(ServedNode.LAUNCHER.toString(), input.toString(), "--db", db, "--cluster", list,
                "--cluster-bind", members.get(nodes)), name);
        assertThat(importing.waitFor(30, TimeUnit.MINUTES)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(importing.exitValue()).as(Files.readString(work.resolve(name + ".err"))).isZero();
        assertThat(Files.readString(work.resolve(name + ".out"))).isEqualTo(accounts);
        serving.forEach(Process::destroy);
        for (Process node : serving) {
            node.waitFor(60, TimeUnit.SECONDS);
        }
        return millis;
    }

    private static String row(String what, int rows, long millis) {
        return String.format("| %s | %,d | %.1f | %,d |%n", what, rows, millis / 1000.0, rows * 1000L / millis);
    }

    private Process launch(List<String> command, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile());
        builder.environment().put("PAYONATOR_CLUSTER_SECRET", SECRET);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Generous: the nodes start side by side on a shared, busy machine. */
    private static void awaitServing(Path err) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!SERVING.matcher(Files.readString(err)).find()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not serving after 10 minutes:\n" + Files.readString(err));
            }
            Thread.sleep(200);
        }
    }
}

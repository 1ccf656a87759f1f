package io.payonator.ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile-client trial of issue 16, bounded: {@code sockets} anonymous connections each send
 * the headers of a request announcing a 1,000,000-byte body, then one body byte every 5 s (half a
 * {@code POST /transactions}, half a {@code GET /accounts/1}); a connection the server closes is
 * opened again after a second. Meanwhile another client reads {@code GET /accounts/1} on a fresh
 * connection every 50 ms and times each answer. Everything stops after {@code duration}.
 *
 * <p>JDK only, so that the same trial runs against any build: {@code java
 * ops/src/test/java/io/payonator/ops/web/SlowBodyTrial.java http://127.0.0.1:8080 [TOKEN] [SECONDS] [SOCKETS]}.
 * Only loopback addresses are accepted.
 */
final class SlowBodyTrial {

    /** What the reading client saw. Latencies in microseconds; a read that got no answer counts as the timeout. */
    record Result(int reads, int answered, int timedOut, long p50Micros, long p99Micros, long maxMicros,
                  long attackerConnections, long closedByServer, int lastStatus) {

        @Override
        public String toString() {
            return String.format("reads %d, answered %d, timed out %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " attacker connections %d, closed by the server %d; last read status %d", reads, answered,
                    timedOut, p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0, attackerConnections,
                    closedByServer, lastStatus);
        }
    }

    private static final Duration TRICKLE = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_EVERY = Duration.ofMillis(50);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final URI base;
    private final String token;
    private final int sockets;
    private final Duration duration;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private volatile boolean running = true;

    SlowBodyTrial(URI base, String token, int sockets, Duration duration) {
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("the trial only targets loopback, not " + base.getHost());
        }
        this.base = base;
        this.token = token;
        this.sockets = sockets;
        this.duration = duration;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args.length > 1 && !args[1].isEmpty() ? args[1] : null;
        Duration duration = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        System.out.println(new SlowBodyTrial(base, token, args.length > 3 ? Integer.parseInt(args[3]) : 200, duration).run());
    }

    Result run() throws InterruptedException {
        ExecutorService attackers = Executors.newFixedThreadPool(Math.max(sockets, 1));
        long end = System.nanoTime() + duration.toNanos();
        try {
            for (int i = 0; i < sockets; i++) {
                String method = i % 2 == 0 ? "POST /transactions" : "GET /accounts/1";
                attackers.execute(() -> attack(method, end));
            }
            Thread.sleep(SETTLE.toMillis());
            return read(end);
        } finally {
            running = false;
            attackers.shutdownNow();
            attackers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** One slow sender, reconnecting when the server closes its connection, until {@code end}. */
    private void attack(String request, long end) {
        while (running && System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                connections.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                out.write((request + " HTTP/1.1\r\nHost: " + base.getAuthority()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                trickle(socket, end);
            } catch (IOException e) {
                closedByServer.incrementAndGet();
            }
            pause(Duration.ofSeconds(1));
        }
    }

    /** One byte every {@link #TRICKLE}; returns when the server closed the connection, or at {@code end}. */
    private void trickle(Socket socket, long end) throws IOException {
        socket.setSoTimeout((int) TRICKLE.toMillis());
        InputStream in = socket.getInputStream();
        byte[] answer = new byte[8192];
        while (running && System.nanoTime() < end) {
            try {
                if (in.read(answer) < 0) {
                    closedByServer.incrementAndGet();
                    return;
                }
                // an answer came (the 401, say): keep sending, as the hostile client did
            } catch (java.net.SocketTimeoutException quiet) {
                socket.getOutputStream().write('{');
                socket.getOutputStream().flush();
            }
        }
    }

    private Result read(long end) {
        List<Long> micros = new ArrayList<>();
        int reads = 0;
        int timedOut = 0;
        int lastStatus = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status = readOnce();
            long took = (System.nanoTime() - start) / 1_000;
            reads++;
            if (status < 0) {
                timedOut++;
                micros.add(READ_TIMEOUT.toNanos() / 1_000);
            } else {
                lastStatus = status;
                micros.add(took);
            }
            pause(READ_EVERY);
        }
        Collections.sort(micros);
        return new Result(reads, reads - timedOut, timedOut, percentile(micros, 50), percentile(micros, 99),
                micros.isEmpty() ? 0 : micros.get(micros.size() - 1), connections.get(), closedByServer.get(), lastStatus);
    }

    /** The status of one {@code GET /accounts/1} on a new connection, or -1 when none came within the timeout. */
    private int readOnce() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) READ_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /accounts/1 HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAccept: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            socket.getInputStream().readAllBytes();
            return head.length() == 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

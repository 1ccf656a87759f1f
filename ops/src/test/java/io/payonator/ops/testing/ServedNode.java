package io.payonator.ops.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code payonator serve} process started through the launcher ({@code ops/payonator}), as the
 * multi-process tests run them: its name, process and standard error, and the address it serves at
 * once it says so. Also what those tests share around it: free loopback ports, and the launcher's
 * one-time unpacking of the jar.
 */
public final class ServedNode {

    /** The launcher, from the module's directory, where Maven runs the tests. */
    public static final Path LAUNCHER = Path.of("payonator").toAbsolutePath();
    private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+) ");

    public final String name;
    public final Process process;
    public final Path err;
    private volatile URI uri;

    public ServedNode(String name, Process process, Path err) {
        this.name = name;
        this.process = process;
        this.err = err;
    }

    /** Where it serves; {@code null} until {@link #awaitAddress()} has seen it say so. */
    public URI uri() {
        return uri;
    }

    /** Waits until its standard error says where it serves, failing if it exits first. */
    public void awaitAddress() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(Files.readString(err));
            if (serving.find()) {
                uri = URI.create(serving.group(1));
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not say where it listens:\n" + Files.readString(err));
    }

    /** The launcher unpacks the jar on its first run: once, before processes start side by side. */
    public static void prepareLauncher() throws IOException, InterruptedException {
        Process version = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!version.waitFor(5, TimeUnit.MINUTES)) {
            version.destroyForcibly();
            throw new AssertionError("the launcher did not start within 5 minutes");
        }
    }

    /** Ports free on the loopback address now, all different. */
    public static int[] freeLoopbackPorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}

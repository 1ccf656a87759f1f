package io.payonator.ops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real launcher, {@code ops/payonator}, run as a child process the way an operator runs it. */
final class Launcher {

    private static final Path SCRIPT = Path.of("payonator").toAbsolutePath();

    record Run(int exitCode, String out, String err) {
    }

    private final Path work;
    private final Map<String, String> environment;

    /** @param work where the child's standard output and error are kept */
    Launcher(Path work, Map<String, String> environment) {
        this.work = work;
        this.environment = environment;
    }

    /** Runs to the end (at most the timeout) and returns what it printed. */
    Run run(Path stdin, long timeoutMinutes, String... args) throws IOException, InterruptedException {
        Process process = start(stdin, args);
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("payonator did not exit within " + timeoutMinutes + " minutes");
        }
        return new Run(process.exitValue(), Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    Process start(Path stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(work.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        return builder.start();
    }
}

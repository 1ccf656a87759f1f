package io.payonator.ops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line run as a child process, timed from its start to its exit, as an operator sees it. */
final class Child {

    record Run(int exitCode, long nanos, String err) {

        /** A figure the child logged, e.g. the projection catch-up time. */
        long logged(Pattern pattern) {
            Matcher matcher = pattern.matcher(err);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }

    private final List<String> jvmOptions;
    private final Path work;
    private final PrintStream progress;

    /** @param progress where the child's progress lines are passed on while it runs */
    Child(List<String> jvmOptions, Path work, PrintStream progress) {
        this.jvmOptions = jvmOptions;
        this.work = work;
        this.progress = progress;
    }

    /**
     * This process's JVM options, less its heap and young generation sizes when the bench was given
     * a heap size: the launcher's 1 GiB young generation does not fit in {@code --jvm-opt -Xmx512m}.
     */
    private List<String> inheritedOptions() {
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Xmx"))) {
            return inherited;
        }
        return inherited.stream().filter(option -> !option.startsWith("-Xmx") && !option.startsWith("-Xmn")
                && !option.startsWith("-XX:NewSize") && !option.startsWith("-XX:MaxNewSize")).toList();
    }

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // the same JVM options as this process (the launcher's class-data archive, say), then the bench's own
        command.addAll(inheritedOptions());
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "io.payonator.ops.Payonator"));
        }
        command.addAll(List.of(args));
        Path out = work.resolve("child.out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
        String err = readErrors(process);
        int exitCode = process.waitFor();
        long nanos = System.nanoTime() - start;
        return new Run(exitCode, nanos, err);
    }

    /** The child's standard error, whole; its progress lines also passed on as they come. */
    private String readErrors(Process process) throws IOException {
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                err.append(line).append('\n');
                if (line.startsWith("progress:")) {
                    progress.println("  import " + line);
                }
            }
        }
        return err.toString();
    }
}

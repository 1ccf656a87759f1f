package io.payonator.ops.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs the command line in-process and also captures its log lines: they go to the process's
 * standard error (logback's console appender looks up {@code System.err} on every write), not to the
 * error stream the command line is given.
 */
final class LoggedRun {

    record Result(Cli.Result cli, String logs) {
    }

    private LoggedRun() {
    }

    static Result of(Supplier<Cli.Result> run) {
        return of(run, new ByteArrayOutputStream());
    }

    /** Runs in the background; its log lines so far can be read while it runs. */
    static Running start(Supplier<Cli.Result> run) {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        return new Running(CompletableFuture.supplyAsync(() -> of(run, logs)), logs);
    }

    record Running(CompletableFuture<Result> result, ByteArrayOutputStream logs) {

        String logsSoFar() {
            synchronized (logs) {
                return logs.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static Result of(Supplier<Cli.Result> run, ByteArrayOutputStream logs) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, logs), true, StandardCharsets.UTF_8));
        try {
            Cli.Result result = run.get();
            return new Result(result, logs.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    /** Whatever is logged while running still reaches the build's output. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            synchronized (second) {
                second.write(bytes, offset, length);
            }
        }
    }
}

package io.payonator.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared conformance vectors, read in place from {@code ../shared/conformance} (never copied). */
public final class ConformanceCases {

    private ConformanceCases() {
    }

    public static Path directory() {
        String configured = System.getProperty("conformance.dir");
        Path dir = Path.of(configured != null ? configured : "../../shared/conformance").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("conformance vectors not found at " + dir
                    + " (set -Dconformance.dir); they must sit in ../shared beside the project");
        }
        return dir;
    }

    public static Stream<Path> all() {
        try (Stream<Path> entries = Files.list(directory())) {
            List<Path> cases = entries.filter(dir -> Files.isRegularFile(dir.resolve("input.csv"))).sorted().toList();
            if (cases.isEmpty()) {
                throw new IllegalStateException("no conformance cases in " + directory());
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected rejects as {@code line,reason} lines, in line order. */
    public static List<String> expectedRejects(Path testCase) throws IOException {
        return Files.readAllLines(testCase.resolve("rejects.csv")).stream().skip(1).filter(l -> !l.isBlank()).toList();
    }

    /** A rejects report ({@code source,line,reason,detail}) as {@code line,reason} lines. */
    public static List<String> linesAndReasons(Path rejectsReport) throws IOException {
        List<String> lines = RejectsReports.withoutDetail(Files.readAllLines(rejectsReport));
        return lines.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',', l.lastIndexOf(',') - 1) + 1)).toList();
    }
}

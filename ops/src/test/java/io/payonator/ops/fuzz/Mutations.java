package io.payonator.ops.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Byte-level mutations of a valid transactions file, the ways files arrive broken or hostile. */
public final class Mutations {

    /** A mutated file and the names of the mutations, in the order applied. */
    public record Mutated(byte[] bytes, List<String> applied) {
    }

    private record Mutation(String name, BiFunction<byte[], SplittableRandom, byte[]> change) {
    }

    private static final int LINE_LIMIT = 1024;

    private static final List<Mutation> ALL = List.of(
            new Mutation("flip a byte", Mutations::flipByte),
            new Mutation("insert hostile pieces", (bytes, random) ->
                    insert(bytes, random, HostileBytes.junk(random, 1 + random.nextInt(60), LINE_LIMIT))),
            new Mutation("insert binary junk", (bytes, random) -> insert(bytes, random, binary(random))),
            new Mutation("delete a range", Mutations::deleteRange),
            new Mutation("duplicate a range", Mutations::duplicateRange),
            new Mutation("huge field", (bytes, random) ->
                    insert(bytes, random, HostileBytes.utf8("9".repeat(LINE_LIMIT + random.nextInt(200_000))))),
            new Mutation("very long line", (bytes, random) -> insertLine(bytes, random,
                    HostileBytes.run(random, LINE_LIMIT))),
            new Mutation("10,000 columns", (bytes, random) -> insertLine(bytes, random,
                    HostileBytes.utf8("deposit,1,2,3" + ",".repeat(10_000)))),
            new Mutation("1,025 columns within the limit", (bytes, random) -> insertLine(bytes, random,
                    HostileBytes.utf8(",".repeat(LINE_LIMIT)))),
            new Mutation("no newline at the end", Mutations::dropFinalNewline),
            new Mutation("byte-order mark", (bytes, random) -> random.nextBoolean()
                    ? HostileBytes.concat(HostileBytes.utf8("\uFEFF"), bytes)
                    : insert(bytes, random, HostileBytes.utf8("\uFEFF"))),
            new Mutation("CRLF", (bytes, random) -> replaceLineFeeds(bytes, HostileBytes.utf8("\r\n"))),
            new Mutation("lone CR", (bytes, random) -> replaceLineFeeds(bytes, HostileBytes.utf8("\r"))),
            new Mutation("quotes", (bytes, random) -> sprinkle(bytes, random, HostileBytes.utf8("\""))),
            new Mutation("NUL bytes", (bytes, random) -> sprinkle(bytes, random, new byte[]{0})),
            new Mutation("invalid UTF-8", (bytes, random) -> sprinkle(bytes, random,
                    new byte[][]{{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}[random.nextInt(3)])),
            new Mutation("blank lines", (bytes, random) -> sprinkle(bytes, random, HostileBytes.utf8("\n \t\n\r\n"))),
            new Mutation("truncate", (bytes, random) -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1))),
            new Mutation("header only", (bytes, random) -> Arrays.copyOf(bytes, firstLineEnd(bytes))),
            new Mutation("empty file", (bytes, random) -> new byte[0]),
            new Mutation("damage the header", (bytes, random) -> {
                byte[] copy = bytes.clone();
                copy[random.nextInt(Math.max(1, firstLineEnd(copy)))] = (byte) random.nextInt(256);
                return copy;
            }));

    /** Names that break the file as a whole, rarer than the rest so most tries reach the rows. */
    private static final List<String> DESTRUCTIVE = List.of("empty file", "header only", "damage the header");

    private Mutations() {
    }

    /** {@code count} mutations drawn at random, applied in turn. */
    public static Mutated apply(byte[] file, SplittableRandom random, int count) {
        byte[] bytes = file;
        List<String> applied = new ArrayList<>();
        while (applied.size() < count) {
            Mutation mutation = ALL.get(random.nextInt(ALL.size()));
            if (DESTRUCTIVE.contains(mutation.name()) && random.nextInt(4) != 0) {
                continue;
            }
            bytes = bytes.length == 0 ? bytes : mutation.change().apply(bytes, random);
            applied.add(mutation.name());
        }
        return new Mutated(bytes, applied);
    }

    private static byte[] flipByte(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    private static byte[] binary(SplittableRandom random) {
        byte[] junk = new byte[1 + random.nextInt(300)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) random.nextInt(256);
        }
        return junk;
    }

    private static byte[] insert(byte[] bytes, SplittableRandom random, byte[] piece) {
        int at = random.nextInt(bytes.length + 1);
        return HostileBytes.concat(Arrays.copyOf(bytes, at), piece, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    /** Inserts a whole line after a line end. */
    private static byte[] insertLine(byte[] bytes, SplittableRandom random, byte[] line) {
        int at = random.nextInt(bytes.length + 1);
        while (at < bytes.length && bytes[at] != '\n') {
            at++;
        }
        at = Math.min(at + 1, bytes.length);
        return HostileBytes.concat(Arrays.copyOf(bytes, at), line, HostileBytes.utf8("\n"),
                Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] deleteRange(byte[] bytes, SplittableRandom random) {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(200));
        return HostileBytes.concat(Arrays.copyOf(bytes, from), Arrays.copyOfRange(bytes, to, bytes.length));
    }

    private static byte[] duplicateRange(byte[] bytes, SplittableRandom random) {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(2_000));
        return insert(bytes, random, Arrays.copyOfRange(bytes, from, to));
    }

    private static byte[] dropFinalNewline(byte[] bytes, SplittableRandom random) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    private static byte[] replaceLineFeeds(byte[] bytes, byte[] ending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 2);
        for (byte b : bytes) {
            if (b == '\n') {
                out.writeBytes(ending);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** The piece inserted at a few random places. */
    private static byte[] sprinkle(byte[] bytes, SplittableRandom random, byte[] piece) {
        byte[] result = bytes;
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            result = insert(result, random, piece);
        }
        return result;
    }

    private static int firstLineEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i + 1;
            }
        }
        return bytes.length;
    }
}

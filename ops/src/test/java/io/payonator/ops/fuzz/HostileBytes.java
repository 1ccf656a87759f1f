package io.payonator.ops.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random bytes meant to break a CSV reader: pieces of real rows mixed with line endings of every
 * kind, quotes, NUL, byte-order marks, invalid and truncated UTF-8, surrogate pairs, and runs of
 * characters around and beyond the line-length limit.
 */
public final class HostileBytes {

    private static final List<byte[]> PIECES = List.of(
            utf8("deposit"), utf8("withdrawal"), utf8("dispute"), utf8("resolve"), utf8("chargeback"),
            utf8("DEPOSIT"), utf8(","), utf8(","), utf8(",,"), utf8("1"), utf8("42"), utf8("65535"), utf8("65536"),
            utf8("4294967295"), utf8("4294967296"), utf8("0.0001"), utf8("1.5"), utf8("922337203685477.5807"),
            utf8("-"), utf8("."), utf8(" "), utf8("\t"), utf8("\n"), utf8("\n"), utf8("\r\n"), utf8("\r"),
            utf8("\""), utf8("'"), utf8(";"), new byte[]{0}, utf8("\uFEFF"), utf8("é"), utf8("€"), utf8("😀"),
            utf8("depo\u017Fit"), new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xE2, (byte) 0x82},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF0, (byte) 0x9F},
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xFE, (byte) 0xFF});

    private HostileBytes() {
    }

    /** A valid header in one of the spellings SPEC.md allows, with its line ending. */
    public static byte[] header(SplittableRandom random) {
        String[] headers = {"type,client,tx,amount\n", "type,client,tx\r\n", "\uFEFF TYPE ,Client,\tTx,AMOUNT\r",
                "\n \n\ttype,client,tx,amount\n"};
        return utf8(headers[random.nextInt(headers.length)]);
    }

    /** {@code pieces} random pieces, some of them long runs around the line-length limit. */
    public static byte[] junk(SplittableRandom random, int pieces, int lineLimit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(40) == 0) {
                out.writeBytes(run(random, lineLimit));
            } else {
                out.writeBytes(PIECES.get(random.nextInt(PIECES.size())));
            }
        }
        return out.toByteArray();
    }

    /** A run of one character, of a length just below, at or above the limit, or far beyond it. */
    static byte[] run(SplittableRandom random, int lineLimit) {
        String[] characters = {"9", " ", "\t", ",", "é", "😀"};
        String character = characters[random.nextInt(characters.length)];
        int length = switch (random.nextInt(4)) {
            case 0 -> lineLimit - random.nextInt(3);
            case 1 -> lineLimit + 1 + random.nextInt(2);
            case 2 -> lineLimit / 2 + random.nextInt(lineLimit);
            default -> lineLimit * (2 + random.nextInt(20));
        };
        // a surrogate pair is two characters of the limit
        return utf8(character.repeat(character.length() == 2 ? (length + 1) / 2 : length));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

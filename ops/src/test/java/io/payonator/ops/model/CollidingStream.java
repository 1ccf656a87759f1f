package io.payonator.ops.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A random transactions file in which SPEC.md's rules collide often: few clients, a small tx id
 * space, disputes aimed mostly at real deposits but also at withdrawals, other clients' deposits and
 * unknown ids, re-disputes after resolves, chargebacks that lock or would make the total negative,
 * amounts near the 64-bit limit, and rows written in every way the format allows or forbids (case,
 * padding, leading zeros, line endings, byte-order mark, Unicode look-alikes, over-long lines).
 * The generator knows nothing of the rules: it only remembers what it wrote, to aim at it.
 */
public final class CollidingStream {

    private static final long MAX_UNITS = Long.MAX_VALUE;
    private static final int[] CLIENT_POOL = {0, 1, 2, 3, 7, 42, 1000, 65_535};
    private static final String[] MALFORMED = {
            "transfer,%d,%d,1", "deposit,%d", "deposit,%d,%d,5,6", "deposit,-%d,%d,5", "deposit,%d,-%d,5",
            "deposit,65536,%2$d,5", "dispute,%d,4294967296", "deposit,%d,%d,1.00001", "deposit,%d,%d,0",
            "deposit,%d,%d,0.0000", "withdrawal,%d,%d,", "withdrawal,%d,%d", "deposit,%d,%d,1e3", "deposit,%d,%d,.5",
            "deposit,%d,%d,5.", "deposit,%d,%d,+5", "deposit,%d,%d,\"5\"", "deposit,%d,%d,1 000",
            "deposit,%d,%d,922337203685477.5808", "deposit,%d,%d,99999999999999999999", "\"deposit\",%d,%d,1",
            "dep osit,%d,%d,1", "deposit,%d,%d,5\u0000", "deposit,%d,%d,\uFFFD", "depo\u017Fit,%d,%d,5",
            "w\u0131thdrawal,%d,%d,1", "chargebac\u212A,%d,%d", "d\u0131spute,%d,%d", "re\u017Folve,%d,%d",
            "deposit,\u0661,%2$d,5", "deposit,%d,%d,\uFF15", "dispute,%d,%d,,", ",,,", "deposit;%d;%d;5"};

    private final SplittableRandom random;
    private final int[] clients;
    private final double chargebackShare;
    private final double malformedShare;
    private final boolean hugeAmounts;
    private final List<List<Long>> depositsByClient = new ArrayList<>();
    private final List<Long> withdrawals = new ArrayList<>();
    private long nextTx;

    private CollidingStream(long seed) {
        random = new SplittableRandom(seed);
        clients = pickClients(1 + random.nextInt(5));
        chargebackShare = new double[]{0.0005, 0.003, 0.02}[random.nextInt(3)];
        malformedShare = random.nextDouble() * 0.05;
        hugeAmounts = random.nextInt(3) == 0;
        nextTx = random.nextInt(3) == 0 ? 4_294_967_295L - 20_000 : 0;
        for (int i = 0; i < clients.length; i++) {
            depositsByClient.add(new ArrayList<>());
        }
    }

    /** The bytes of a file of {@code rows} rows (plus blank and padding lines), all drawn from {@code seed}. */
    public static byte[] generate(long seed, int rows) {
        return new CollidingStream(seed).write(rows);
    }

    private byte[] write(int rows) {
        String[] endings = lineEndings();
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 24);
        if (random.nextInt(5) == 0) {
            out.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>();
        lines.add(header());
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(50) == 0) {
                lines.add(filler());
            }
            lines.add(row());
        }
        boolean finalNewline = random.nextInt(3) != 0;
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i < lines.size() - 1 || finalNewline) {
                out.writeBytes(endings[random.nextInt(endings.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private String[] lineEndings() {
        return switch (random.nextInt(4)) {
            case 0 -> new String[]{"\n"};
            case 1 -> new String[]{"\r\n"};
            case 2 -> new String[]{"\r"};
            default -> new String[]{"\n", "\r\n", "\r"};
        };
    }

    private String header() {
        return switch (random.nextInt(4)) {
            case 0 -> "type,client,tx,amount";
            case 1 -> " TYPE ,\tClient , tx , Amount ";
            case 2 -> "type,client,tx";
            default -> "Type,Client,Tx,Amount";
        };
    }

    /** Lines that are not rows: empty, blank, or blank beyond the line-length limit. */
    private String filler() {
        return switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> " \t ";
            default -> " ".repeat(ReferenceLedger.MAX_LINE_LENGTH + random.nextInt(50));
        };
    }

    private String row() {
        int index = random.nextInt(clients.length);
        if (random.nextDouble() < malformedShare) {
            return malformed(clients[index]);
        }
        int roll = random.nextInt(1000);
        if (roll < 380) {
            return deposit(index);
        } else if (roll < 600) {
            return withdrawal(index);
        } else if (roll < 820) {
            return referring("dispute", index);
        } else if (roll < 1000 - chargebackShare * 1000) {
            return referring("resolve", index);
        }
        return referring("chargeback", index);
    }

    private String deposit(int index) {
        long tx = moneyTx();
        depositsByClient.get(index).add(tx);
        return format("deposit", clients[index], tx, amount());
    }

    private String withdrawal(int index) {
        long tx = moneyTx();
        withdrawals.add(tx);
        return format("withdrawal", clients[index], tx, amount());
    }

    /** Mostly a fresh id; sometimes one already used, by anyone: a duplicate. */
    private long moneyTx() {
        if (nextTx > 0 && random.nextInt(12) == 0) {
            return nextTx - 1 - random.nextLong(Math.min(nextTx, 200));
        }
        return nextTx++;
    }

    private String referring(String type, int index) {
        String amount = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "not-an-amount";
            default -> random.nextBoolean() ? null : "";
        };
        return format(type, clients[index], target(index), amount);
    }

    /** Which tx a dispute, resolve or chargeback names. */
    private long target(int index) {
        List<Long> own = depositsByClient.get(index);
        int roll = random.nextInt(100);
        if (roll < 75 && !own.isEmpty()) {
            // recent deposits mostly, so disputes, resolves and chargebacks meet
            return own.get(own.size() - 1 - random.nextInt(Math.min(own.size(), 6)));
        } else if (roll < 83 && !withdrawals.isEmpty()) {
            return withdrawals.get(withdrawals.size() - 1 - random.nextInt(Math.min(withdrawals.size(), 6)));
        } else if (roll < 93) {
            List<Long> other = depositsByClient.get(random.nextInt(depositsByClient.size()));
            return other.isEmpty() ? nextTx : other.get(random.nextInt(other.size()));
        }
        return random.nextBoolean() ? nextTx + random.nextInt(5) : 4_294_967_295L;
    }

    private String malformed(int client) {
        if (random.nextInt(20) == 0) {
            // too long to be read: a valid-looking deposit padded with leading zeros
            return "deposit," + client + "," + nextTx++ + "," + "0".repeat(ReferenceLedger.MAX_LINE_LENGTH) + "1";
        }
        return String.format(MALFORMED[random.nextInt(MALFORMED.length)], client, nextTx++);
    }

    /** The amount in units of 1/10000. */
    private String amount() {
        long units;
        if (hugeAmounts && random.nextInt(4) == 0) {
            units = switch (random.nextInt(4)) {
                case 0 -> MAX_UNITS;
                case 1 -> MAX_UNITS - random.nextInt(100_000);
                case 2 -> MAX_UNITS / 2 + random.nextInt(3) - 1;
                default -> MAX_UNITS / 3;
            };
        } else {
            units = 1 + (random.nextBoolean() ? random.nextInt(100_000) : random.nextInt(10_000_000));
        }
        return decimal(units);
    }

    /** A plain decimal for the units, in one of the spellings SPEC.md allows. */
    private String decimal(long units) {
        String whole = Long.toString(units / 10_000);
        long fraction = units % 10_000;
        String digits = String.format("%04d", fraction);
        String zeros = random.nextInt(20) == 0 ? "00" : "";
        if (fraction == 0 && random.nextBoolean()) {
            return zeros + whole;
        }
        // trailing zeros may be dropped, or kept up to four digits
        String trimmed = digits.replaceAll("0+$", "");
        String shown = random.nextBoolean() || trimmed.isEmpty() ? digits : trimmed;
        return zeros + whole + "." + shown;
    }

    private String format(String type, int client, long tx, String amount) {
        String shownType = random.nextInt(30) == 0 ? type.toUpperCase(Locale.ROOT) : type;
        String shownClient = pad(random.nextInt(30) == 0 ? "0" + client : Integer.toString(client));
        String shownTx = pad(random.nextInt(30) == 0 ? "00" + tx : Long.toString(tx));
        String row = pad(shownType) + "," + shownClient + "," + shownTx;
        return amount == null ? row : row + "," + pad(amount);
    }

    /** Now and then surrounding spaces and tabs, which SPEC.md trims. */
    private String pad(String field) {
        return switch (random.nextInt(40)) {
            case 0 -> " " + field;
            case 1 -> field + "\t";
            case 2 -> " \t" + field + "  ";
            default -> field;
        };
    }

    private int[] pickClients(int count) {
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            int candidate;
            do {
                candidate = random.nextInt(4) == 0 ? random.nextInt(65_536) : CLIENT_POOL[random.nextInt(CLIENT_POOL.length)];
            } while (contains(chosen, i, candidate));
            chosen[i] = candidate;
        }
        return chosen;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}

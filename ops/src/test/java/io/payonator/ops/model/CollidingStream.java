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
 * amounts near the 64-bit limit and balances swinging across most of it, and rows written in every way the format allows or forbids (case,
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
    private final int depositsPerMille;
    private final double chargebackShare;
    private final double malformedShare;
    private final boolean hugeAmounts;
    private final List<List<Long>> depositsByClient = new ArrayList<>();
    private final long[] balanceGuess;
    private final List<List<Long>> disputesByClient = new ArrayList<>();
    private final List<Long> withdrawals = new ArrayList<>();
    private final java.util.ArrayDeque<String> scripted = new java.util.ArrayDeque<>();
    private long nextTx;

    private CollidingStream(long seed) {
        random = new SplittableRandom(seed);
        clients = pickClients(1 + random.nextInt(5));
        // of the 600 in 1000 rows that move money: some streams mostly spend, keeping balances low
        depositsPerMille = new int[]{380, 300, 250}[random.nextInt(3)];
        chargebackShare = new double[]{0.0003, 0.001, 0.004}[random.nextInt(3)];
        malformedShare = random.nextDouble() * 0.05;
        hugeAmounts = random.nextInt(3) == 0;
        nextTx = random.nextInt(3) == 0 ? 4_294_967_295L - 20_000 : 0;
        balanceGuess = new long[clients.length];
        for (int i = 0; i < clients.length; i++) {
            depositsByClient.add(new ArrayList<>());
            disputesByClient.add(new ArrayList<>());
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
        if (!scripted.isEmpty()) {
            return scripted.poll();
        }
        int index = random.nextInt(clients.length);
        if (random.nextInt(400) == 0) {
            return spendThenChargeBack(index);
        }
        if (hugeAmounts && random.nextInt(300) == 0) {
            return swing(index);
        }
        if (random.nextDouble() < malformedShare) {
            return malformed(clients[index]);
        }
        int roll = random.nextInt(1000);
        if (roll < depositsPerMille) {
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
        long units = amount(10_000_000);
        depositsByClient.get(index).add(tx);
        balanceGuess[index] = saturatedAdd(balanceGuess[index], units);
        return format("deposit", clients[index], tx, decimal(units));
    }

    /**
     * Often most of what the generator guesses the client holds (it does not know which rows were
     * rejected), so that a dispute then leaves too little for a chargeback: {@code negative_total}.
     */
    private String withdrawal(int index) {
        long tx = moneyTx();
        withdrawals.add(tx);
        long units = random.nextInt(4) == 0 && balanceGuess[index] > 10
                ? balanceGuess[index] / 10 * (8 + random.nextInt(3))
                : amount(random.nextInt(3) == 0 ? 30_000_000 : 10_000_000);
        balanceGuess[index] = Math.max(0, balanceGuess[index] - units);
        return format("withdrawal", clients[index], tx, decimal(units));
    }

    /**
     * A deposit larger than the usual balances, most of it spent, then disputed and charged back:
     * the chargeback finds too little unless the client held enough before ({@code negative_total},
     * which random rows rarely reach: a successful chargeback locks the account first).
     */
    private String spendThenChargeBack(int index) {
        long tx = moneyTx();
        long units = 50_000_000L + random.nextLong(450_000_000L);
        depositsByClient.get(index).add(tx);
        scripted.add(format("withdrawal", clients[index], moneyTx(), decimal(units / 10 * (8 + random.nextInt(3)))));
        scripted.add(format("dispute", clients[index], tx, null));
        scripted.add(format("chargeback", clients[index], tx, null));
        return format("deposit", clients[index], tx, decimal(units));
    }

    /**
     * A deposit of over half the largest amount, spent, disputed (available near minus that amount),
     * then a second such deposit and the resolve (available near plus it): within five rows the
     * available balance moves by more than 64 bits can hold, though it fits after every row.
     */
    private String swing(int index) {
        long units = MAX_UNITS / 2 + 1 + random.nextLong(MAX_UNITS / 4);
        long disputed = nextTx++;
        depositsByClient.get(index).add(disputed);
        long second = nextTx++;
        depositsByClient.get(index).add(second);
        scripted.add(format("withdrawal", clients[index], nextTx++, decimal(units)));
        scripted.add(format("dispute", clients[index], disputed, null));
        scripted.add(format("deposit", clients[index], second, decimal(units)));
        scripted.add(format("resolve", clients[index], disputed, null));
        balanceGuess[index] = saturatedAdd(balanceGuess[index], units);
        return format("deposit", clients[index], disputed, decimal(units));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
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
        List<Long> disputed = disputesByClient.get(index);
        long tx = !type.equals("dispute") && !disputed.isEmpty() && random.nextBoolean()
                ? recent(disputed) : target(index);
        if (type.equals("dispute")) {
            disputed.add(tx);
        }
        return format(type, clients[index], tx, amount);
    }

    /** Which tx a dispute, resolve or chargeback names. */
    private long target(int index) {
        List<Long> own = depositsByClient.get(index);
        int roll = random.nextInt(100);
        if (roll < 75 && !own.isEmpty()) {
            // recent deposits mostly, so disputes, resolves and chargebacks meet
            return recent(own);
        } else if (roll < 83 && !withdrawals.isEmpty()) {
            return recent(withdrawals);
        } else if (roll < 93) {
            List<Long> other = depositsByClient.get(random.nextInt(depositsByClient.size()));
            return other.isEmpty() ? nextTx : other.get(random.nextInt(other.size()));
        }
        return random.nextBoolean() ? nextTx + random.nextInt(5) : 4_294_967_295L;
    }

    private long recent(List<Long> values) {
        return values.get(values.size() - 1 - random.nextInt(Math.min(values.size(), 6)));
    }

    private String malformed(int client) {
        if (random.nextInt(20) == 0) {
            // too long to be read: a valid-looking deposit padded with leading zeros
            return "deposit," + client + "," + nextTx++ + "," + "0".repeat(ReferenceLedger.MAX_LINE_LENGTH) + "1";
        }
        return String.format(MALFORMED[random.nextInt(MALFORMED.length)], client, nextTx++);
    }

    /** An amount, mostly small, up to {@code largest} units of 1/10000; near the 64-bit limit in some streams. */
    private long amount(int largest) {
        long units;
        if (hugeAmounts && random.nextInt(4) == 0) {
            units = switch (random.nextInt(4)) {
                case 0 -> MAX_UNITS;
                case 1 -> MAX_UNITS - random.nextInt(100_000);
                case 2 -> MAX_UNITS / 2 + random.nextInt(3) - 1;
                default -> MAX_UNITS / 3;
            };
        } else {
            units = 1 + (random.nextBoolean() ? random.nextInt(100_000) : random.nextInt(largest));
        }
        return units;
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

package io.payonator.ops.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a realistic, deterministic transactions CSV: the same arguments give the same bytes.
 * Mostly deposits and withdrawals; disputes mostly against the client's own recent deposits, some
 * against withdrawals, other clients' deposits and unknown ids; resolves and rare chargebacks
 * against open disputes; a few reused tx ids; and a chosen fraction of malformed rows.
 */
public final class TransactionGenerator {

    private static final int RECENT = 8;
    private static final String[] MALFORMED = {
            "deposit,%d,%d,12.34567", "deposit,%d,%d,-5", "withdrawal,%d,%d,", "transfer,%d,%d,1.0",
            "deposit,%d,%d,1e3", "deposit,%d,%d,1,2", "deposit,70000%d,%d,1.0", "deposit,%d,x%d,1.0"};

    private final SplittableRandom random;
    private final int clients;
    private final double malformedFraction;
    private final List<ClientHistory> histories = new ArrayList<>();
    private long nextTx = 1;

    /** What the generator remembers of one client, to aim disputes at real deposits. */
    private static final class ClientHistory {
        final long[] deposits = new long[RECENT];
        int depositCount;
        final List<Long> disputed = new ArrayList<>();
        long lastWithdrawal = -1;
    }

    public TransactionGenerator(long seed, int clients, double malformedFraction) {
        if (clients < 1 || clients > 65_536) {
            throw new IllegalArgumentException("clients must be 1..65536, was " + clients);
        }
        this.random = new SplittableRandom(seed);
        this.clients = clients;
        this.malformedFraction = malformedFraction;
        for (int i = 0; i < clients; i++) {
            histories.add(new ClientHistory());
        }
    }

    public void write(long rows, Writer out) throws IOException {
        out.write("type,client,tx,amount\n");
        for (long i = 0; i < rows; i++) {
            out.write(nextRow());
            out.write('\n');
        }
        out.flush();
    }

    String nextRow() {
        int client = random.nextInt(clients);
        if (random.nextDouble() < malformedFraction) {
            return String.format(MALFORMED[random.nextInt(MALFORMED.length)], client, nextTx++);
        }
        ClientHistory history = histories.get(client);
        int roll = random.nextInt(1000);
        if (roll < 500) {
            return deposit(client, history);
        } else if (roll < 820) {
            long tx = newTx();
            history.lastWithdrawal = tx;
            return "withdrawal," + client + "," + tx + "," + amount();
        } else if (roll < 920) {
            return "dispute," + client + "," + disputeTarget(client, history);
        } else if (roll < 998) {
            return "resolve," + client + "," + openDispute(history, true);
        } else {
            return "chargeback," + client + "," + openDispute(history, false);
        }
    }

    private String deposit(int client, ClientHistory history) {
        long tx = newTx();
        history.deposits[history.depositCount++ % RECENT] = tx;
        return "deposit," + client + "," + tx + "," + amount();
    }

    /** Usually a fresh id; one in a thousand reuses an earlier one, which must be a duplicate. */
    private long newTx() {
        if (nextTx > 1 && random.nextInt(1000) == 0) {
            return 1 + random.nextLong(nextTx - 1);
        }
        return nextTx++;
    }

    private long disputeTarget(int client, ClientHistory history) {
        int roll = random.nextInt(100);
        if (roll < 85 && history.depositCount > 0) {
            long tx = recentDeposit(history);
            history.disputed.add(tx);
            return tx;
        } else if (roll < 90 && history.lastWithdrawal >= 0) {
            return history.lastWithdrawal;
        } else if (roll < 95) {
            ClientHistory other = histories.get(random.nextInt(clients));
            return other.depositCount > 0 ? recentDeposit(other) : nextTx + 1_000_000;
        }
        return nextTx + 1_000_000 + random.nextInt(1000);
    }

    private long openDispute(ClientHistory history, boolean closeIt) {
        if (history.disputed.isEmpty()) {
            return history.depositCount > 0 ? recentDeposit(history) : nextTx + 2_000_000;
        }
        int index = random.nextInt(history.disputed.size());
        return closeIt ? history.disputed.remove(index) : history.disputed.get(index);
    }

    private long recentDeposit(ClientHistory history) {
        return history.deposits[random.nextInt(Math.min(history.depositCount, RECENT))];
    }

    /** 0.0001 to 1000, with zero to four fractional digits. */
    private String amount() {
        long whole = random.nextInt(1000);
        int digits = random.nextInt(5);
        if (digits == 0) {
            return Long.toString(whole + 1);
        }
        int scale = (int) Math.pow(10, digits);
        int fraction = 1 + random.nextInt(scale - 1);
        String text = Integer.toString(fraction);
        return whole + "." + "0".repeat(digits - text.length()) + text;
    }
}

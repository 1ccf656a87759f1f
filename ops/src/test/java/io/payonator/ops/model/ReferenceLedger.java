package io.payonator.ops.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SPEC.md (and the README's choices where SPEC.md is silent) written as plainly as possible, to
 * judge the real engine: BigDecimal balances checked against the 64-bit range, maps, one row after
 * the other. It shares no code with production on purpose; when the two disagree, one of them
 * misreads SPEC.md.
 *
 * <p>A ledger lives across imports, like a persistent one: tx ids reserved by an earlier import
 * stay reserved, and the reports cover every import.
 */
public final class ReferenceLedger {

    /** README: a line longer than this many characters (without its line ending) is malformed. */
    public static final int MAX_LINE_LENGTH = 1024;

    private static final BigDecimal LARGEST = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), 4);
    private static final BigDecimal SMALLEST = new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 4);
    private static final BigInteger MAX_CLIENT = BigInteger.valueOf(65_535);
    private static final BigInteger MAX_TX = BigInteger.valueOf(4_294_967_295L);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]{1,4})?");
    private static final List<String> TYPES = List.of("deposit", "withdrawal", "dispute", "resolve", "chargeback");

    /** A rejected or malformed row, as the rejects report lists it. */
    public record Reject(String source, long line, String reason) {
        @Override
        public String toString() {
            return source + "," + line + "," + reason;
        }
    }

    private static final class Account {
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;
        boolean locked;
        final Map<Long, Deposit> deposits = new HashMap<>();

        BigDecimal total() {
            return available.add(held);
        }
    }

    private static final class Deposit {
        final BigDecimal amount;
        boolean disputed;
        boolean chargedBack;

        Deposit(BigDecimal amount) {
            this.amount = amount;
        }
    }

    /** Thrown for an input that cannot be imported at all (no header): nothing changes. */
    public static final class UnreadableInput extends Exception {
        UnreadableInput(String message) {
            super(message);
        }
    }

    private final TreeMap<Integer, Account> accounts = new TreeMap<>();
    private final Set<Long> reservedTxIds = new HashSet<>();
    private final List<Reject> rejects = new ArrayList<>();

    /**
     * Imports one source's bytes.
     *
     * @throws UnreadableInput if it has no valid header; the ledger is then unchanged
     */
    public void importSource(String source, byte[] bytes) throws UnreadableInput {
        List<String> lines = lines(new String(bytes, StandardCharsets.UTF_8));
        int first = headerIndex(lines);
        for (int i = first + 1; i < lines.size(); i++) {
            row(source, i + 1, lines.get(i));
        }
    }

    /** The accounts CSV, ascending client id, four fractional digits. */
    public String accountsCsv() {
        StringBuilder out = new StringBuilder("client,available,held,total,locked\n");
        accounts.forEach((client, account) -> out.append(client).append(',')
                .append(fourDigits(account.available)).append(',')
                .append(fourDigits(account.held)).append(',')
                .append(fourDigits(account.total())).append(',')
                .append(account.locked).append('\n'));
        return out.toString();
    }

    /** The rejects report's rows, sorted by source and line. */
    public List<Reject> rejects() {
        List<Reject> sorted = new ArrayList<>(rejects);
        sorted.sort((a, b) -> a.source().equals(b.source())
                ? Long.compare(a.line(), b.line()) : a.source().compareTo(b.source()));
        return sorted;
    }

    /** LF, CRLF and a lone CR end a line; a final line without one still counts. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(line.toString());
                line.setLength(0);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                line.append(c);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    /** The index of the header: the first line that is not blank; it must name the columns. */
    private static int headerIndex(List<String> lines) throws UnreadableInput {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isBlank(line)) {
                continue;
            }
            if (line.length() > MAX_LINE_LENGTH) {
                throw new UnreadableInput("header line too long");
            }
            List<String> names = new ArrayList<>();
            for (String field : fields(line)) {
                names.add(asciiLowerCase(field));
            }
            if (names.equals(List.of("type", "client", "tx", "amount")) || names.equals(List.of("type", "client", "tx"))) {
                return i;
            }
            throw new UnreadableInput("no header: " + line);
        }
        throw new UnreadableInput("empty");
    }

    private void row(String source, long lineNumber, String line) {
        if (isBlank(line)) {
            return;
        }
        String reason = line.length() > MAX_LINE_LENGTH ? "malformed" : apply(fields(line));
        if (reason != null) {
            rejects.add(new Reject(source, lineNumber, reason));
        }
    }

    /** Judges one row's fields; returns the reason it is rejected, or null if it was applied. */
    private String apply(List<String> fields) {
        if (fields.size() != 3 && fields.size() != 4) {
            return "malformed";
        }
        String type = asciiLowerCase(fields.get(0));
        if (!TYPES.contains(type)) {
            return "malformed";
        }
        BigInteger client = id(fields.get(1), MAX_CLIENT);
        BigInteger tx = id(fields.get(2), MAX_TX);
        if (client == null || tx == null) {
            return "malformed";
        }
        BigDecimal amount = null;
        if (type.equals("deposit") || type.equals("withdrawal")) {
            amount = amount(fields.size() == 4 ? fields.get(3) : "");
            if (amount == null) {
                return "invalid_amount";
            }
        }
        // SPEC.md step 1: the account exists from this well-formed row on
        Account account = accounts.computeIfAbsent(client.intValueExact(), c -> new Account());
        // step 2: deposit and withdrawal reserve their tx id, accepted or not
        if (amount != null && !reservedTxIds.add(tx.longValueExact())) {
            return "duplicate_tx";
        }
        // step 3
        if (account.locked) {
            return "account_locked";
        }
        return switch (type) {
            case "deposit" -> deposit(account, tx.longValueExact(), amount);
            case "withdrawal" -> withdraw(account, amount);
            case "dispute" -> dispute(account, account.deposits.get(tx.longValueExact()));
            case "resolve" -> resolve(account, account.deposits.get(tx.longValueExact()));
            default -> chargeback(account, account.deposits.get(tx.longValueExact()));
        };
    }

    private static String deposit(Account account, long tx, BigDecimal amount) {
        if (!fits(account.available.add(amount)) || !fits(account.total().add(amount))) {
            return "overflow";
        }
        account.available = account.available.add(amount);
        account.deposits.put(tx, new Deposit(amount));
        return null;
    }

    private static String withdraw(Account account, BigDecimal amount) {
        if (account.available.compareTo(amount) < 0) {
            return "insufficient_funds";
        }
        account.available = account.available.subtract(amount);
        return null;
    }

    private static String dispute(Account account, Deposit deposit) {
        if (deposit == null) {
            return "unknown_tx";
        }
        if (deposit.disputed) {
            return "already_disputed";
        }
        if (deposit.chargedBack) {
            return "charged_back";
        }
        if (!fits(account.available.subtract(deposit.amount)) || !fits(account.held.add(deposit.amount))) {
            return "overflow";
        }
        account.available = account.available.subtract(deposit.amount);
        account.held = account.held.add(deposit.amount);
        deposit.disputed = true;
        return null;
    }

    private static String resolve(Account account, Deposit deposit) {
        if (deposit == null) {
            return "unknown_tx";
        }
        if (!deposit.disputed) {
            return "not_disputed";
        }
        account.held = account.held.subtract(deposit.amount);
        account.available = account.available.add(deposit.amount);
        deposit.disputed = false;
        return null;
    }

    private static String chargeback(Account account, Deposit deposit) {
        if (deposit == null) {
            return "unknown_tx";
        }
        if (!deposit.disputed) {
            return "not_disputed";
        }
        if (account.total().subtract(deposit.amount).signum() < 0) {
            return "negative_total";
        }
        account.held = account.held.subtract(deposit.amount);
        account.locked = true;
        deposit.disputed = false;
        deposit.chargedBack = true;
        return null;
    }

    /** Unsigned decimal digits within 0..max, or null. */
    private static BigInteger id(String text, BigInteger max) {
        if (!DIGITS.matcher(text).matches()) {
            return null;
        }
        BigInteger value = new BigInteger(text);
        return value.compareTo(max) <= 0 ? value : null;
    }

    /** A plain decimal with at most four fractional digits, greater than zero and within 64 bits; or null. */
    private static BigDecimal amount(String text) {
        if (!AMOUNT.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        return value.signum() > 0 && fits(value) ? value : null;
    }

    private static boolean fits(BigDecimal value) {
        return value.compareTo(SMALLEST) >= 0 && value.compareTo(LARGEST) <= 0;
    }

    /** Split on every comma, each field trimmed of spaces and tabs; no quoting. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                fields.add(trim(line.substring(start, i)));
                start = i + 1;
            }
        }
        return fields;
    }

    private static String trim(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return text.substring(from, to);
    }

    public static boolean isBlank(String line) {
        return trim(line).isEmpty();
    }

    /** SPEC.md's names are ASCII; only ASCII letters fold. */
    private static String asciiLowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static String fourDigits(BigDecimal value) {
        return value.setScale(4).toPlainString();
    }
}

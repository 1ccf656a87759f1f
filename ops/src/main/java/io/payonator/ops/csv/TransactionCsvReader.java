package io.payonator.ops.csv;

import io.payonator.api.AsciiCase;
import io.payonator.api.RowOrigin;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a transactions CSV as SPEC.md defines it: UTF-8, an optional byte-order mark, a header
 * naming {@code type, client, tx[, amount]}, then one row per line. Fields are trimmed of spaces
 * and tabs; empty lines are skipped. Fields are not quoted in this format: a quote is just a
 * character, which makes the field it is in invalid. A line longer than {@link #MAX_LINE_LENGTH}
 * characters is a malformed row, read past without being kept.
 */
public final class TransactionCsvReader implements Closeable {

    private static final List<String> COLUMNS = List.of("type", "client", "tx", "amount");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * The longest line read, in characters without its line ending. The longest row SPEC.md
     * needs is some 50 characters; the limit leaves room for padding and leading zeros while
     * bounding what one row can cost in memory and in the event store.
     */
    public static final int MAX_LINE_LENGTH = 1024;

    private final String source;
    private final LineReader lines;
    private long lineNumber;

    private TransactionCsvReader(String source, LineReader lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * Opens a source and checks its header.
     *
     * @throws UnreadableInputException if it cannot be read or has no valid header
     */
    public static TransactionCsvReader open(String source, InputStream in) throws UnreadableInputException {
        TransactionCsvReader reader = new TransactionCsvReader(source,
                new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_LENGTH));
        try {
            reader.readHeader();
            return reader;
        } catch (IOException e) {
            reader.closeQuietlyAfter(e);
            throw new UnreadableInputException(source + ": cannot be read: " + e.getMessage(), e);
        } catch (UnreadableInputException e) {
            reader.closeQuietlyAfter(e);
            throw e;
        }
    }

    public String source() {
        return source;
    }

    /** The next non-empty row, or {@code null} at the end of the source. */
    public CsvRow next() throws IOException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            lineNumber++;
            if (line.tooLong()) {
                return CsvRow.tooLong(new RowOrigin(source, lineNumber), MAX_LINE_LENGTH);
            }
            String[] fields = split(line.text());
            if (fields != null) {
                return new CsvRow(new RowOrigin(source, lineNumber), fields);
            }
        }
        return null;
    }

    private void readHeader() throws IOException, UnreadableInputException {
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            lineNumber++;
            if (line.tooLong()) {
                throw new UnreadableInputException(source + ":" + lineNumber
                        + ": no header: the line is longer than " + MAX_LINE_LENGTH + " characters");
            }
            String[] fields = split(withoutByteOrderMark(line.text()));
            if (fields != null) {
                checkHeader(fields);
                return;
            }
        }
        throw new UnreadableInputException(source + ": no header: the input is empty");
    }

    private String withoutByteOrderMark(String line) {
        return lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }

    private void checkHeader(String[] fields) throws UnreadableInputException {
        if (!namesColumns(fields, COLUMNS.size()) && !namesColumns(fields, COLUMNS.size() - 1)) {
            throw new UnreadableInputException(source + ":" + lineNumber
                    + ": no header: expected 'type,client,tx,amount', found '" + String.join(",", fields) + "'");
        }
    }

    private static boolean namesColumns(String[] fields, int count) {
        if (fields.length != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (!AsciiCase.equalsIgnoreCase(COLUMNS.get(i), fields[i])) {
                return false;
            }
        }
        return true;
    }

    /** The line's fields, trimmed, or {@code null} if the line is empty or only spaces and tabs. */
    static String[] split(String line) {
        if (trim(line, 0, line.length()).isEmpty()) {
            return null;
        }
        List<String> fields = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                fields.add(trim(line, start, i));
                start = i + 1;
            }
        }
        return fields.toArray(String[]::new);
    }

    private static String trim(String line, int from, int to) {
        while (from < to && isBlank(line.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private void closeQuietlyAfter(Exception cause) {
        try {
            lines.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}

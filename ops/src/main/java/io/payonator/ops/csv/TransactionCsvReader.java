package io.payonator.ops.csv;

import io.payonator.api.RowOrigin;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a transactions CSV as SPEC.md defines it: UTF-8, an optional byte-order mark, a header
 * naming {@code type, client, tx[, amount]}, then one row per line. Fields are trimmed of spaces
 * and tabs; empty lines are skipped. Fields are not quoted in this format: a quote is just a
 * character, which makes the field it is in invalid.
 */
public final class TransactionCsvReader implements Closeable {

    private static final List<String> COLUMNS = List.of("type", "client", "tx", "amount");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String source;
    private final BufferedReader lines;
    private long lineNumber;

    private TransactionCsvReader(String source, BufferedReader lines) {
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
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
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
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            String[] fields = split(line);
            if (fields != null) {
                return new CsvRow(new RowOrigin(source, lineNumber), fields);
            }
        }
        return null;
    }

    private void readHeader() throws IOException, UnreadableInputException {
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            String[] fields = split(line);
            if (fields != null) {
                checkHeader(fields);
                return;
            }
        }
        throw new UnreadableInputException(source + ": no header: the input is empty");
    }

    private void checkHeader(String[] fields) throws UnreadableInputException {
        List<String> names = new ArrayList<>(fields.length);
        for (String field : fields) {
            names.add(field.toLowerCase(Locale.ROOT));
        }
        if (!names.equals(COLUMNS) && !names.equals(COLUMNS.subList(0, 3))) {
            throw new UnreadableInputException(source + ":" + lineNumber
                    + ": no header: expected 'type,client,tx,amount', found '" + String.join(",", fields) + "'");
        }
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

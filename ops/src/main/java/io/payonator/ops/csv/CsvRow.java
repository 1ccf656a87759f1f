package io.payonator.ops.csv;

import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;
import io.payonator.command.intake.MalformedRowException;

/**
 * One non-empty data line of a transactions CSV, its fields trimmed of spaces and tabs; or a line
 * too long to be read, which carries no fields and is malformed.
 *
 * @param fault why the line could not be read into fields, or {@code null}
 */
public record CsvRow(RowOrigin origin, String[] fields, String fault) {

    private static final String[] NO_FIELDS = new String[0];

    public CsvRow(RowOrigin origin, String[] fields) {
        this(origin, fields, null);
    }

    /** A line longer than the reader keeps: reported as malformed, its text never held. */
    static CsvRow tooLong(RowOrigin origin, int maxLength) {
        return new CsvRow(origin, NO_FIELDS, "line is longer than " + maxLength + " characters");
    }

    /**
     * A row has type, client and tx, and optionally an amount (which may be empty).
     *
     * @throws MalformedRowException if it has fewer or more fields, or was too long to be read
     */
    public void checkFieldCount() throws MalformedRowException {
        if (fault != null) {
            throw new MalformedRowException(RejectionReason.MALFORMED, fault);
        }
        if (fields.length < 3 || fields.length > 4) {
            throw new MalformedRowException(RejectionReason.MALFORMED,
                    "expected 3 or 4 fields (type, client, tx[, amount]), found " + fields.length);
        }
    }

    public String type() {
        return fields[0];
    }

    public String client() {
        return fields[1];
    }

    public String tx() {
        return fields[2];
    }

    /** The amount field, or {@code null} when the row omits it or leaves it empty. */
    public String amount() {
        return fields.length < 4 || fields[3].isEmpty() ? null : fields[3];
    }
}

package io.payonator.ops.csv;

import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;
import io.payonator.command.intake.MalformedRowException;

/** One non-empty data line of a transactions CSV, its fields trimmed of spaces and tabs. */
public record CsvRow(RowOrigin origin, String[] fields) {

    /**
     * A row has type, client and tx, and optionally an amount (which may be empty).
     *
     * @throws MalformedRowException if it has fewer or more fields
     */
    public void checkFieldCount() throws MalformedRowException {
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

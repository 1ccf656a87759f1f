package io.payonator.ops.cli;

import io.payonator.api.query.RejectedRow;
import io.payonator.api.query.RejectionCounts;
import io.payonator.api.RejectionReason;
import io.payonator.ops.importer.ImportSummary;
import io.payonator.ops.ledger.LedgerQueries;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import says on standard error when it is done: the rows this run rejected (the first
 * {@value #LISTED}, all with {@code --verbose}), then one summary line. Rows rejected by earlier
 * imports into the same ledger are in the rejects report, not here: listing them again on every
 * import buried the new ones.
 */
final class ImportReport {

    static final int LISTED = 20;

    private final Console console;
    private final LedgerQueries queries;
    /** The ledger's last event before this run: every row of the run is reported by a later one. */
    private final long afterEvent;
    private final RejectsTarget rejects;

    ImportReport(Console console, LedgerQueries queries, long afterEvent, RejectsTarget rejects) {
        this.console = console;
        this.queries = queries;
        this.afterEvent = afterEvent;
        this.rejects = rejects;
    }

    void print(ImportSummary summary, List<String> sources, long nanos) throws IOException {
        if (console.verbosity() == Verbosity.QUIET) {
            return;
        }
        RejectionCounts counts = queries.rejectionCounts(afterEvent);
        listRejections(counts.total());
        console.notice(summaryLine(summary, sources, counts, nanos));
    }

    private void listRejections(long total) throws IOException {
        if (console.verbosity().compareTo(Verbosity.VERBOSE) >= 0) {
            queries.forEachRejectedRow(afterEvent, row -> console.notice(line(row)));
            return;
        }
        queries.firstRejectedRows(afterEvent, LISTED).forEach(row -> console.notice(line(row)));
        if (total > LISTED) {
            console.notice(String.format(Locale.ROOT, "… and %,d more (%s)", total - LISTED, rejects.allOfThem()));
        }
    }

    static String line(RejectedRow row) {
        return "rejected " + printable(row.source()) + ":" + row.line() + ": " + row.reason().code() + ": "
                + printable(row.detail());
    }

    /**
     * For example: {@code 100,000 rows from g.csv in 11.2 s: 74,415 applied, 25,585 rejected
     * (insufficient_funds 9,801, unknown_tx 6,120, …); 10,000 accounts touched; details: --rejects FILE}.
     */
    private String summaryLine(ImportSummary summary, List<String> sources, RejectionCounts counts, long nanos) {
        long rejected = counts.total();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d %s from %s in %.1f s: %,d applied,"
                + " %,d rejected", summary.rows(), summary.rows() == 1 ? "row" : "rows", describe(sources), nanos / 1e9,
                summary.rows() - rejected, rejected));
        if (rejected > 0) {
            line.append(" (").append(byReason(counts)).append(')');
        }
        line.append(String.format(Locale.ROOT, "; %,d %s touched", summary.accounts(),
                summary.accounts() == 1 ? "account" : "accounts"));
        rejects.where(rejected).ifPresent(where -> line.append("; ").append(where));
        return line.toString();
    }

    /** Most frequent first. */
    private static String byReason(RejectionCounts counts) {
        return counts.byReason().entrySet().stream()
                .sorted(Map.Entry.<RejectionReason, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(count -> String.format(Locale.ROOT, "%s %,d", count.getKey().code(), count.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(List<String> sources) {
        if (sources.size() > 3) {
            return sources.size() + " sources";
        }
        return sources.stream().map(ImportReport::describe).collect(Collectors.joining(", "));
    }

    static String describe(String source) {
        return source.equals("-") ? "standard input" : printable(source);
    }

    /** Names and details come from the input: control characters would drive the operator's terminal. */
    static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }
}

package io.payonator.ops.web.console;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.ClientRow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The console's charts as SVG, drawn on the server: they show without script, scale to the page,
 * and carry their values as text for screen readers and tests. Only numbers and reason codes go
 * into the markup, never text from the ledger's input.
 */
final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int MARGIN = 8;
    private static final int BAR_HEIGHT = 22;
    private static final int LABEL_WIDTH = 220;

    /** The series of the balance chart: name, colour class, the value it draws. */
    private record Series(String name, Function<AccountBalance, Money> value) {
    }

    /** Total first, drawn wider beneath: with nothing held it runs exactly under available. */
    private static final List<Series> SERIES = List.of(
            new Series("total", AccountBalance::total),
            new Series("available", AccountBalance::available),
            new Series("held", AccountBalance::held));
    private static final int LEFT = 100;

    private Charts() {
    }

    /** Available, held and total after each row, one point per row, in ledger order. */
    static String balances(List<ClientRow> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        long min = 0;
        long max = 0;
        for (ClientRow row : rows) {
            for (Series series : SERIES) {
                long units = series.value().apply(row.after()).units();
                min = Math.min(min, units);
                max = Math.max(max, units);
            }
        }
        double span = Math.max(max - (double) min, 1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-labelledby=\"chart-title\">", WIDTH, HEIGHT));
        svg.append("<title id=\"chart-title\">Available, held and total after each of the client's ")
                .append(rows.size()).append(" rows</title>");
        double zero = y(0, min, span);
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
                LEFT, WIDTH, zero, zero));
        for (long units : new TreeSet<>(List.of(max, 0L, min))) {
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, Math.min(HEIGHT - 2.0, Math.max(12.0, y(units, min, span) + 4)), new Money(units)));
        }
        for (Series series : SERIES) {
            svg.append("<polyline class=\"series ").append(series.name()).append("\" points=\"");
            for (int i = 0; i < rows.size(); i++) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, rows.size()),
                        y(series.value().apply(rows.get(i).after()).units(), min, span)));
            }
            svg.append("\"/>");
            Money last = series.value().apply(rows.get(rows.size() - 1).after());
            svg.append(String.format(Locale.ROOT, "<circle class=\"end %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\""
                            + " data-series=\"%s\" data-value=\"%s\"><title>%s after the last row: %s</title></circle>",
                    series.name(), x(rows.size() - 1, rows.size()), y(last.units(), min, span), series.name(), last,
                    series.name(), last));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int count) {
        double from = LEFT + MARGIN;
        return count == 1 ? (from + WIDTH) / 2.0 : from + index * (WIDTH - MARGIN - from) / (count - 1);
    }

    private static double y(long units, long min, double span) {
        return HEIGHT - MARGIN - (units - (double) min) * (HEIGHT - 2.0 * MARGIN) / span;
    }

    /** One bar per reason code that has rows, its length the count. */
    static String reasons(Map<RejectionReason, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (max == 0) {
            return "";
        }
        int height = counts.size() * (BAR_HEIGHT + 6);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"bars\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-labelledby=\"bars-title\">", WIDTH, height));
        svg.append("<title id=\"bars-title\">Rejected rows by reason</title>");
        int row = 0;
        for (Map.Entry<RejectionReason, Long> count : counts.entrySet()) {
            double length = Math.max(1, (WIDTH - LABEL_WIDTH - 80.0) * count.getValue() / max);
            int top = row++ * (BAR_HEIGHT + 6);
            String code = count.getKey().code();
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL_WIDTH - 6, top + 16, code));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                    + " data-reason=\"%s\" data-count=\"%d\"><title>%s: %d</title></rect>", LABEL_WIDTH, top, length,
                    BAR_HEIGHT, code, count.getValue(), code, count.getValue()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", LABEL_WIDTH + length + 6,
                    top + 16, count.getValue()));
        }
        return svg.append("</svg>").toString();
    }
}

package io.payonator.ops.cli;

import java.util.ArrayList;
import java.util.List;

/** Reads the rejects report ({@code source,line,reason,detail}, RFC 4180 quoting) in tests. */
public final class RejectsReports {

    public static final String HEADER = "source,line,reason,detail";

    private RejectsReports() {
    }

    /** Each line without its detail, {@code source,line,reason} as written, as the reference model lists them. */
    public static List<String> withoutDetail(List<String> report) {
        if (!report.get(0).equals(HEADER)) {
            throw new AssertionError("rejects report header is " + report.get(0));
        }
        List<String> lines = new ArrayList<>(report.size());
        lines.add("source,line,reason");
        report.stream().skip(1).forEach(line -> lines.add(line.substring(0, lastFieldStart(line) - 1)));
        return lines;
    }

    /** The detail of one line, unquoted. */
    public static String detail(String line) {
        String field = line.substring(lastFieldStart(line));
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    /** Where the fourth field begins: read from the start, since a quoted field may hold commas and quotes. */
    private static int lastFieldStart(String line) {
        int position = 0;
        for (int field = 0; field < 3; field++) {
            position = fieldEnd(line, position) + 1;
        }
        return position;
    }

    private static int fieldEnd(String line, int start) {
        if (start < line.length() && line.charAt(start) == '"') {
            int i = start + 1;
            while (true) {
                int quote = line.indexOf('"', i);
                if (quote + 1 < line.length() && line.charAt(quote + 1) == '"') {
                    i = quote + 2;
                } else {
                    return quote + 1;
                }
            }
        }
        int comma = line.indexOf(',', start);
        return comma < 0 ? line.length() : comma;
    }
}

package io.payonator.ops.importer;

import io.payonator.api.RowOrigin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far into each source the rows handed to the workers reach, in input order. Only resumable
 * sources are recorded in the ledger; every source's last line is there to say where a stopped
 * import got to.
 */
final class SourceMarks {

    private static final class Position {
        final String contentId;
        long line;

        Position(String contentId, long line) {
            this.contentId = contentId;
            this.line = line;
        }
    }

    private final Map<String, Position> bySource = new LinkedHashMap<>();

    void track(ImportSource source, long resumeAfterLine) {
        bySource.put(source.name(), new Position(source.contentId(), resumeAfterLine));
    }

    /** Called for every row, in the order rows are handed out. */
    void advance(RowOrigin origin) {
        if (!bySource.isEmpty()) {
            Position position = bySource.get(origin.source());
            if (position != null) {
                position.line = origin.line();
            }
        }
    }

    /** The marks to store with everything handed out so far. */
    List<ImportProgress.Mark> snapshot(boolean inputEnded) {
        List<ImportProgress.Mark> marks = new ArrayList<>(bySource.size());
        bySource.forEach((name, position) -> {
            if (position.contentId != null) {
                marks.add(new ImportProgress.Mark(position.contentId, name, position.line, inputEnded));
            }
        });
        return marks;
    }

    /** Each source's last line handed out, in the order the sources were given. */
    Map<String, Long> lastLines() {
        Map<String, Long> lines = new LinkedHashMap<>();
        bySource.forEach((name, position) -> lines.put(name, position.line));
        return lines;
    }
}

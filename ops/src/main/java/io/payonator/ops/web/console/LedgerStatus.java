package io.payonator.ops.web.console;

import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.query.ProjectionReads;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the status page shows: the event store's head and how far the projection is behind it, the
 * health the service reports, and the imports done into the ledger (the table the importer keeps
 * to resume and to recognise a source it has imported, read as it stands).
 */
@Component
class LedgerStatus {

    private static final int IMPORTS_SHOWN = 100;

    /** One imported source: its name, content hash, lines done, whether whole, last written. */
    record Import(String name, String sha256, long lines, boolean complete, String updated) {
    }

    record Status(long head, long applied, long lag, String health, List<Import> imports) {
    }

    private final ProjectionCatchUp projection;
    private final HealthEndpoint health;
    private final ProjectionReads reads;

    LedgerStatus(ProjectionCatchUp projection, HealthEndpoint health, ProjectionReads reads) {
        this.projection = projection;
        this.health = health;
        this.reads = reads;
    }

    Status now() {
        long head = projection.head().orElse(0);
        long applied = projection.applied();
        return new Status(head, applied, Math.max(head - applied, 0), health.health().getStatus().getCode(),
                imports());
    }

    private List<Import> imports() {
        return reads.read(jdbc -> jdbc.query("SELECT name, content_sha256, lines_done, complete, updated"
                        + " FROM import_source ORDER BY updated DESC LIMIT " + IMPORTS_SHOWN,
                (rs, row) -> new Import(rs.getString("name"), rs.getString("content_sha256"), rs.getLong("lines_done"),
                        rs.getInt("complete") != 0, rs.getString("updated"))));
    }
}

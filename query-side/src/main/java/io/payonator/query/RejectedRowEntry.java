package io.payonator.query;

import io.payonator.api.RejectedRow;
import io.payonator.api.RejectionReason;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One malformed or rejected row, as the rejects report lists it. Its id is the position of the
 * event that reported it in the event store: unique, and the same again after a replay.
 */
@Entity
@Table(name = "rejected_row")
public class RejectedRowEntry extends NewUntilStored<Long> {

    @Id
    private Long id;
    private String source;
    private long line;
    private String reason;
    private String detail;

    protected RejectedRowEntry() {
        // for JPA
    }

    RejectedRowEntry(long eventPosition, String source, long line, RejectionReason reason, String detail) {
        this.id = eventPosition;
        this.source = source;
        this.line = line;
        this.reason = reason.code();
        this.detail = detail;
    }

    @Override
    public Long getId() {
        return id;
    }

    RejectedRow toRejectedRow() {
        return new RejectedRow(source, line, id, RejectionReason.fromCode(reason));
    }
}

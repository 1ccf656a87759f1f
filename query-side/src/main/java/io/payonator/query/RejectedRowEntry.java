package io.payonator.query;

import io.payonator.api.RejectedRow;
import io.payonator.api.RejectionReason;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One malformed or rejected row, as the rejects report lists it. */
@Entity
@Table(name = "rejected_row")
public class RejectedRowEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String source;
    private long line;
    private String reason;
    private String detail;

    protected RejectedRowEntry() {
        // for JPA
    }

    RejectedRowEntry(String source, long line, RejectionReason reason, String detail) {
        this.source = source;
        this.line = line;
        this.reason = reason.code();
        this.detail = detail;
    }

    RejectedRow toRejectedRow() {
        return new RejectedRow(source, line, RejectionReason.fromCode(reason));
    }
}

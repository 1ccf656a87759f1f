package io.payonator.query;

import io.payonator.api.RejectedRow;
import io.payonator.api.RejectionReason;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One malformed or rejected row, as the rejects report lists it ({@link RejectedRowTable} writes
 * them); read only. Its id is the position of the event that reported it in the event store.
 */
@Entity
@Immutable
@Table(name = "rejected_row")
public class RejectedRowEntry {

    @Id
    private Long id;
    private String source;
    private long line;
    private String reason;

    protected RejectedRowEntry() {
        // for JPA
    }

    RejectedRow toRejectedRow() {
        return new RejectedRow(source, line, id, RejectionReason.fromCode(reason));
    }
}

package io.payonator.query;

import io.payonator.api.query.RejectedRow;
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
    private String detail;
    private Integer client;
    private Long tx;

    protected RejectedRowEntry() {
        // for JPA
    }

    RejectedRow toRejectedRow() {
        RejectionReason code = RejectionReason.fromCode(reason);
        return new RejectedRow(source, line, id, code, detail != null ? detail : explain(code));
    }

    /** An account's refusal is stored without words: they follow from the reason, the client and the tx. */
    private String explain(RejectionReason code) {
        return client == null || tx == null ? code.explain(-1, -1) : code.explain(client, tx);
    }
}

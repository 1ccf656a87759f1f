package io.payonator.query;

import io.payonator.api.RejectedRow;
import io.payonator.api.RejectionReason;
import io.payonator.api.RowMalformed;
import io.payonator.api.TransactionRejected;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One malformed or rejected row, as the rejects report lists it. Its id is the position of the
 * event that reported it in the event store: unique, and the same again after a replay. A row an
 * account rejected also names its client, type, tx and amount; a malformed row names none.
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
    private Integer client;
    private String type;
    private Long tx;
    private Long amount;

    protected RejectedRowEntry() {
        // for JPA
    }

    private RejectedRowEntry(long eventPosition, String source, long line, RejectionReason reason, String detail) {
        this.id = eventPosition;
        this.source = source;
        this.line = line;
        this.reason = reason.code();
        this.detail = detail;
    }

    static RejectedRowEntry rejected(long eventPosition, TransactionRejected event) {
        RejectedRowEntry entry = new RejectedRowEntry(eventPosition, event.origin().source(), event.origin().line(),
                event.reason(), null);
        entry.client = event.client();
        entry.type = event.type().code();
        entry.tx = event.tx();
        entry.amount = event.amount() == null ? null : event.amount().units();
        return entry;
    }

    static RejectedRowEntry malformed(long eventPosition, RowMalformed event) {
        return new RejectedRowEntry(eventPosition, event.origin().source(), event.origin().line(), event.reason(),
                event.detail());
    }

    @Override
    public Long getId() {
        return id;
    }

    RejectedRow toRejectedRow() {
        return new RejectedRow(source, line, id, RejectionReason.fromCode(reason));
    }
}

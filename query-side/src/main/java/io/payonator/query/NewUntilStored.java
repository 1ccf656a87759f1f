package io.payonator.query;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the projection assigns itself. Spring Data would otherwise take a set id to
 * mean "already stored" and look the row up before every insert; this one knows it is new until
 * it was loaded or persisted.
 */
@MappedSuperclass
abstract class NewUntilStored<ID> implements Persistable<ID> {

    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }
}

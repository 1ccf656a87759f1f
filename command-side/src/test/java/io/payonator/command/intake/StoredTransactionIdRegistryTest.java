package io.payonator.command.intake;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry against a ledger's stored reservations: what it asks the ledger, and when it asks again. */
class StoredTransactionIdRegistryTest {

    /** Stored reservations in memory, recording each question. */
    private static final class Ledger implements StoredTransactionIdRegistry.StoredReservations {

        final Set<Long> stored = new TreeSet<>();
        final List<Set<Long>> asked = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Collection<Long> reservedAmong(Collection<Long> txs) {
            asked.add(new TreeSet<>(txs));
            if (failure != null) {
                throw failure;
            }
            return stored.stream().filter(txs::contains).toList();
        }
    }

    private final Ledger ledger = new Ledger();
    private final StoredTransactionIdRegistry registry = new StoredTransactionIdRegistry(ledger);

    @Test
    void idsLookedUpTogetherAreReservedWithoutAskingAgain() {
        ledger.stored.add(2L);

        registry.lookUp(List.of(1L, 2L, 3L, 1L));

        assertThat(registry.reserve(1)).isTrue();
        assertThat(registry.reserve(2)).as("stored: a duplicate").isFalse();
        assertThat(registry.reserve(3)).isTrue();
        assertThat(registry.reserve(1)).as("pending: a duplicate").isFalse();
        assertThat(ledger.asked).containsExactly(Set.of(1L, 2L, 3L));
    }

    @Test
    void anIdNotLookedUpIsAskedAlone() {
        ledger.stored.add(7L);
        registry.lookUp(List.of(1L));

        assertThat(registry.reserve(7)).isFalse();
        assertThat(registry.reserve(8)).isTrue();
        assertThat(ledger.asked).containsExactly(Set.of(1L), Set.of(7L), Set.of(8L));
    }

    @Test
    void anIdFoundStoredIsNeverAskedAgainAndOnlyItsPendingOnesAreForgottenAtSettling() {
        ledger.stored.add(2L);
        registry.lookUp(List.of(1L, 2L));
        registry.reserve(1);
        registry.settle();

        registry.lookUp(List.of(1L, 2L));

        assertThat(ledger.asked).containsExactly(Set.of(1L, 2L), Set.of(1L));
    }

    /** Another writer may have stored an id that was free before: the next rows ask the ledger again. */
    @Test
    void aFreeIdIsAskedAgainAfterSettling() {
        registry.lookUp(List.of(5L));
        registry.settle();
        ledger.stored.add(5L);

        assertThat(registry.reserve(5)).isFalse();
        assertThat(ledger.asked).containsExactly(Set.of(5L), Set.of(5L));
    }

    @Test
    void aFailedLookUpMarksNothingFree() {
        ledger.failure = new IllegalStateException("the ledger is gone");
        assertThatThrownBy(() -> registry.lookUp(List.of(4L))).hasMessage("the ledger is gone");
        ledger.failure = null;
        ledger.stored.add(4L);

        assertThat(registry.reserve(4)).isFalse();
    }
}

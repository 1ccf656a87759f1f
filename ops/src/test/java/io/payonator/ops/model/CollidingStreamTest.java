package io.payonator.ops.model;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model-based test only means something if its streams make the rules collide: over the
 * build's streams, the model must meet every outcome SPEC.md can produce, and locked and open accounts.
 */
class CollidingStreamTest {

    @Test
    void theBuildsStreamsMeetEveryReachableOutcome() throws Exception {
        Set<String> reasons = new TreeSet<>();
        int locked = 0;
        int open = 0;
        for (long seed : ModelBasedTest.buildSeeds()) {
            ReasonCounts counts = ReasonCounts.of(modelOf(ModelRun.draw(seed)));
            reasons.addAll(counts.rejects().keySet());
            locked += counts.locked();
            open += counts.accounts() - counts.locked();
        }

        // charged_back cannot occur: a chargeback locks the account, and the lock is checked first
        assertThat(reasons).containsExactlyInAnyOrder("malformed", "invalid_amount", "duplicate_tx",
                "account_locked", "overflow", "insufficient_funds", "unknown_tx", "already_disputed",
                "not_disputed", "negative_total");
        assertThat(locked).isPositive();
        assertThat(open).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        assertThat(CollidingStream.generate(7, 500)).isEqualTo(CollidingStream.generate(7, 500))
                .isNotEqualTo(CollidingStream.generate(8, 500));
    }

    private static ReferenceLedger modelOf(ModelRun run) throws ReferenceLedger.UnreadableInput {
        ReferenceLedger model = new ReferenceLedger();
        for (int i = 0; i < run.imports().size(); i++) {
            model.importSource("import-" + i + ".csv", run.imports().get(i));
        }
        return model;
    }
}

package io.payonator.command;

import io.payonator.api.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepositBookTest {

    @Test
    void keepsEveryDepositAndItsStateThroughGrowth() {
        DepositBook book = new DepositBook();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long tx = random.nextLong(4_294_967_296L);
            long units = 1 + random.nextLong(1_000_000);
            book.record(tx, new Money(units));
            expected.put(tx, units);
            if (i % 3 == 0) {
                book.markDisputed(tx, new Money(units));
            }
        }
        expected.forEach((tx, units) -> assertThat(book.amountOf(tx)).isEqualTo(new Money(units)));
        assertThat(expected.keySet().stream().filter(tx -> book.stateOf(tx) == DepositState.DISPUTED).count())
                .isBetween(3_000L, 3_400L);
    }

    @Test
    void followsTheDisputeLifecycle() {
        DepositBook book = new DepositBook();
        book.record(0, new Money(5));
        book.record(4_294_967_295L, new Money(7));

        assertThat(book.stateOf(0)).isEqualTo(DepositState.UNDISPUTED);
        book.markDisputed(0, new Money(5));
        assertThat(book.stateOf(0)).isEqualTo(DepositState.DISPUTED);
        book.markUndisputed(0, new Money(5));
        assertThat(book.stateOf(0)).isEqualTo(DepositState.UNDISPUTED);
        book.markChargedBack(4_294_967_295L, new Money(7));
        assertThat(book.stateOf(4_294_967_295L)).isEqualTo(DepositState.CHARGED_BACK);
        assertThat(book.stateOf(1)).isEqualTo(DepositState.UNKNOWN);
        assertThatThrownBy(() -> book.amountOf(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCompleteBookNeverAsksTheStoredDeposits() {
        DepositBook book = new DepositBook();
        book.recall(7, 1, (client, tx) -> {
            throw new AssertionError("asked for " + tx);
        });

        assertThat(book.stateOf(1)).isEqualTo(DepositState.UNKNOWN);
        assertThatThrownBy(() -> book.markDisputed(1, new Money(5))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRestoredBookRecallsADepositOnceAndKeepsWhatItsEventsSay() {
        DepositBook book = DepositBook.restored();
        List<Long> asked = new ArrayList<>();
        StoredDeposits stored = (client, tx) -> {
            asked.add(tx);
            return client == 7 && tx == 1
                    ? Optional.of(new StoredDeposits.Deposit(new Money(5), DepositState.DISPUTED)) : Optional.empty();
        };

        book.recall(7, 1, stored);
        book.recall(7, 1, stored);
        book.recall(8, 2, stored);
        book.markDisputed(3, new Money(9));

        assertThat(asked).containsExactly(1L, 2L);
        assertThat(book.stateOf(1)).isEqualTo(DepositState.DISPUTED);
        assertThat(book.amountOf(1)).isEqualTo(new Money(5));
        assertThat(book.stateOf(2)).isEqualTo(DepositState.UNKNOWN);
        assertThat(book.stateOf(3)).as("made before the snapshot, learnt from its Disputed event")
                .isEqualTo(DepositState.DISPUTED);
        assertThat(book.amountOf(3)).isEqualTo(new Money(9));
        assertThat(book.size()).isEqualTo(2);
    }
}

package io.payonator.command;

import io.payonator.api.Money;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
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
                book.markDisputed(tx);
            }
        }
        expected.forEach((tx, units) -> assertThat(book.amountOf(tx)).isEqualTo(new Money(units)));
        assertThat(expected.keySet().stream().filter(tx -> book.stateOf(tx) == DepositBook.State.DISPUTED).count())
                .isBetween(3_000L, 3_400L);
    }

    @Test
    void followsTheDisputeLifecycle() {
        DepositBook book = new DepositBook();
        book.record(0, new Money(5));
        book.record(4_294_967_295L, new Money(7));

        assertThat(book.stateOf(0)).isEqualTo(DepositBook.State.UNDISPUTED);
        book.markDisputed(0);
        assertThat(book.stateOf(0)).isEqualTo(DepositBook.State.DISPUTED);
        book.markUndisputed(0);
        assertThat(book.stateOf(0)).isEqualTo(DepositBook.State.UNDISPUTED);
        book.markChargedBack(4_294_967_295L);
        assertThat(book.stateOf(4_294_967_295L)).isEqualTo(DepositBook.State.CHARGED_BACK);
        assertThat(book.stateOf(1)).isEqualTo(DepositBook.State.UNKNOWN);
        assertThatThrownBy(() -> book.amountOf(1)).isInstanceOf(IllegalStateException.class);
    }
}

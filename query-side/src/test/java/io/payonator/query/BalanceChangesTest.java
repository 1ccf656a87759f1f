package io.payonator.query;

import io.payonator.api.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's net change to an account, including one larger than a balance can be. */
class BalanceChangesTest {

    private static final Money LARGEST = new Money(Long.MAX_VALUE);

    @Test
    void netChangeOfOrdinaryEventsIsExact() {
        BalanceChanges.Delta delta = new BalanceChanges.Delta();

        delta.credit(Money.parse("10"));
        delta.hold(Money.parse("4"));
        delta.debit(Money.parse("3"));
        delta.release(Money.parse("1"));
        delta.reverseAndLock(Money.parse("2"));

        assertThat(delta.available).isEqualTo(Money.parse("4").units());
        assertThat(delta.held).isEqualTo(Money.parse("1").units());
        assertThat(delta.total).isEqualTo(Money.parse("5").units());
        assertThat(delta.locked).isTrue();
        assertThat(delta.wrapped).isFalse();
    }

    @Test
    void netChangeBeyondSixtyFourBitsWrapsAndSaysSo() {
        // the batch starts at available = -LARGEST (a spent deposit under dispute)
        long availableBefore = -Long.MAX_VALUE;
        BalanceChanges.Delta delta = new BalanceChanges.Delta();

        delta.credit(LARGEST);
        delta.release(LARGEST);

        assertThat(delta.wrapped).isTrue();
        // added in 64-bit two's complement, the start and the wrapped change give the exact balance
        assertThat(availableBefore + delta.available).isEqualTo(Long.MAX_VALUE);
        assertThat(delta.held).isEqualTo(-Long.MAX_VALUE);
        assertThat(delta.total).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void netChangeBeyondSixtyFourBitsDownwardsSaysSoToo() {
        BalanceChanges.Delta delta = new BalanceChanges.Delta();

        delta.debit(LARGEST);
        delta.hold(LARGEST);

        assertThat(delta.wrapped).isTrue();
        assertThat(Long.MAX_VALUE + delta.available).isEqualTo(-Long.MAX_VALUE);
    }
}

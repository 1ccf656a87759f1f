package io.payonator.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"123,1230000", "123.4567,1234567", "0.0001,1", "1.5,15000", "007.50,75000",
            "922337203685477.5807,9223372036854775807"})
    void parsesPlainDecimalsExactly(String text, long units) {
        assertThat(Money.parse(text).units()).isEqualTo(units);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.23456", "-1", "+1", "1e3", "1,000", "1.", ".5", "1.2.3", " 1", "1 ", "abc",
            "922337203685477.5808", "99999999999999999999"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void fiveFractionalDigitsAreRefusedNotRounded() {
        assertThatThrownBy(() -> Money.parse("1.00001")).hasMessageContaining("more than 4 fractional digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0000"})
    void zeroIsNotPositive(String text) {
        assertThatThrownBy(() -> Money.parsePositive(text)).hasMessageContaining("not greater than zero");
    }

    @ParameterizedTest
    @CsvSource({"0,0.0000", "15000,1.5000", "-80000,-8.0000", "-1,-0.0001", "123456,12.3456",
            "-9223372036854775808,-922337203685477.5808", "9223372036854775807,922337203685477.5807"})
    void printsExactlyFourFractionalDigits(long units, String text) {
        assertThat(new Money(units)).hasToString(text);
    }

    @Test
    void detectsOverflowInsteadOfWrapping() {
        Money max = new Money(Long.MAX_VALUE);
        Money min = new Money(Long.MIN_VALUE);
        Money tick = new Money(1);

        assertThat(max.canAdd(tick)).isFalse();
        assertThat(max.canAdd(Money.ZERO)).isTrue();
        assertThat(min.canSubtract(tick)).isFalse();
        assertThat(new Money(-5).canSubtract(max)).isFalse();
        assertThat(tick.canSubtract(max)).isTrue();
        assertThatThrownBy(() -> max.plus(tick)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(tick)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void jsonFormIsTheDecimalString() {
        assertThat(Money.fromJson("-8.0000")).isEqualTo(new Money(-80000));
        assertThat(Money.fromJson(new Money(-1).toString())).isEqualTo(new Money(-1));
    }
}

package io.payonator.command.intake;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionIntakeTest {

    /** The id to look up before admitting a row: only where admitting it would reserve that id. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "deposit,    42,          42",
            "WITHDRAWAL, 0042,        42",
            "deposit,    4294967295,  4294967295",
            "deposit,    4294967296,  -1",
            "deposit,    -1,          -1",
            "deposit,    4x,          -1",
            "deposit,    '',          -1",
            "deposit,    null,        -1",
            "dispute,    42,          -1",
            "chargeback, 42,          -1",
            "refund,     42,          -1",
            "null,       42,          -1"})
    void reservableTx(String type, String tx, long expected) {
        assertThat(TransactionIntake.reservableTx(type, tx)).isEqualTo(expected);
    }
}

package io.payonator.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"deposit", "DEPOSIT", "DePoSiT"})
    void matchesAnyAsciiCase(String text) {
        assertThat(TransactionType.fromCode(text)).contains(TransactionType.DEPOSIT);
    }

    /** Found by the model-based test: Java's Unicode case folding took these for real type names. */
    @ParameterizedTest
    @ValueSource(strings = {"depo\u017Fit", "w\u0131thdrawal", "d\u0131spute", "re\u017Folve", "chargebac\u212A",
            "DEPOSİT", "deposit "})
    void refusesUnicodeLookAlikes(String text) {
        assertThat(TransactionType.fromCode(text)).isEmpty();
    }
}

package io.payonator.command.intake;

import io.payonator.api.RejectionReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Details quote the offending field: characters no database or terminal should get raw are escaped. */
class MalformedRowExceptionTest {

    @Test
    void controlCharactersAndLoneSurrogatesAreEscaped() {
        String detail = new MalformedRowException(RejectionReason.MALFORMED,
                "unknown transaction type 'de\u0000po\tsit\u007F\uD800'").getMessage();

        assertThat(detail).isEqualTo("unknown transaction type 'de\\u0000po\\u0009sit\\u007F\\uD800'");
    }

    @Test
    void ordinaryTextAndPairedSurrogatesStayAsTheyAre() {
        String emoji = "unknown transaction type 'dep\uD83D\uDE00sit é'";

        assertThat(new MalformedRowException(RejectionReason.MALFORMED, emoji).getMessage()).isSameAs(emoji);
    }
}

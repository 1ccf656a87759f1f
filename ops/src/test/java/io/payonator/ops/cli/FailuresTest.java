package io.payonator.ops.cli;

import io.payonator.ops.importer.ImportFailedException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command line makes of a failure it did not foresee: one line, the most useful message in the chain. */
class FailuresTest {

    @Test
    void theLedgersOwnMessageIsTakenFromDeepInAFrameworksChain() {
        Throwable failure = new IllegalStateException("Error creating bean with name 'x'\n---\nSQL State: null",
                new ImportFailedException("could not store the rows from day.csv:7 on: the disk is full", null));

        assertThat(Failures.oneLine(failure)).isEqualTo("could not store the rows from day.csv:7 on: the disk is full");
    }

    @Test
    void otherwiseTheInnermostCauseNamedByItsClassWithWhereTheTraceIs() {
        Throwable failure = new IllegalStateException("Failed to start\nline two",
                new RuntimeException("wrapped", new SQLException("no such table: DomainEventEntry\n  more")));

        assertThat(Failures.oneLine(failure)).isEqualTo("unexpected failure: SQLException: no such table:"
                + " DomainEventEntry (--debug shows the stack trace)");
    }
}

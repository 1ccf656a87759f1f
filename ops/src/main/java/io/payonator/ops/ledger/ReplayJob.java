package io.payonator.ops.ledger;

import io.payonator.api.AccountBalance;
import io.payonator.api.RejectedRow;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Rebuilds the balance tables from the event store and checks them against the tables as they
 * were: the event store is the source of truth, and this proves the projection agrees with it.
 */
@Component
public class ReplayJob {

    private static final Logger log = LoggerFactory.getLogger(ReplayJob.class);

    private final ProjectionCatchUp catchUp;
    private final LedgerQueries queries;

    ReplayJob(ProjectionCatchUp catchUp, LedgerQueries queries) {
        this.catchUp = catchUp;
        this.queries = queries;
    }

    /** What the replay found: the tables before and after. */
    public record Outcome(List<AccountBalance> accountsBefore, List<AccountBalance> accountsAfter,
                          List<RejectedRow> rejectsBefore, List<RejectedRow> rejectsAfter, long nanos) {

        public boolean identical() {
            return accountsBefore.equals(accountsAfter) && rejectsBefore.equals(rejectsAfter);
        }
    }

    public Outcome replay(Duration timeout) throws InterruptedException {
        catchUp.await(timeout);
        List<AccountBalance> accountsBefore = queries.accounts();
        List<RejectedRow> rejectsBefore = queries.rejectedRows();
        long start = System.nanoTime();

        StreamingEventProcessor processor = catchUp.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        catchUp.await(timeout);

        Outcome outcome = new Outcome(accountsBefore, queries.accounts(), rejectsBefore, queries.rejectedRows(),
                System.nanoTime() - start);
        log.info("replay rebuilt {} accounts and {} rejected rows in {} ms", outcome.accountsAfter().size(),
                outcome.rejectsAfter().size(), outcome.nanos() / 1_000_000);
        return outcome;
    }
}

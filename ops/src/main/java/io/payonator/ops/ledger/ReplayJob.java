package io.payonator.ops.ledger;

import io.payonator.api.query.AccountBalance;
import io.payonator.query.TransactionHistoryIndex;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Rebuilds the balance tables from the event store and checks them against the tables as they
 * were: the event store is the source of truth, and this proves the projection agrees with it.
 * The rejects report is compared by digest, as it may hold millions of rows.
 */
@Component
public class ReplayJob {

    private static final Logger log = LoggerFactory.getLogger(ReplayJob.class);
    private static final long CLAIM_RETRY_MILLIS = 1_000;
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(60);

    private final ProjectionCatchUp catchUp;
    private final LedgerQueries queries;
    private final TransactionHistoryIndex historyIndex;

    ReplayJob(ProjectionCatchUp catchUp, LedgerQueries queries, TransactionHistoryIndex historyIndex) {
        this.catchUp = catchUp;
        this.queries = queries;
        this.historyIndex = historyIndex;
    }

    /** What the replay found: the accounts before and after, and a digest of the rejects report before and after. */
    public record Outcome(List<AccountBalance> accountsBefore, List<AccountBalance> accountsAfter,
                          String rejectsBefore, String rejectsAfter, long nanos) {

        public boolean identical() {
            return accountsBefore.equals(accountsAfter) && rejectsBefore.equals(rejectsAfter);
        }
    }

    public Outcome replay(Duration timeout) throws InterruptedException, IOException {
        return replay(timeout, () -> {
        });
    }

    /**
     * @param beforeReset runs once the projection has stopped with every event applied, just before
     *                    its tables are emptied: the service pins its read snapshot there
     */
    public Outcome replay(Duration timeout, Runnable beforeReset) throws InterruptedException, IOException {
        catchUp.await(timeout);
        StreamingEventProcessor processor = catchUp.processor();
        processor.shutDown();
        // stopped: the tables cannot change while they are read
        List<AccountBalance> accountsBefore = queries.accounts();
        String rejectsBefore = rejectsDigest();
        long start = System.nanoTime();

        try {
            beforeReset.run();
        } catch (RuntimeException e) {
            // nothing was reset: the projection carries on where it stopped
            processor.start();
            throw e;
        }
        historyIndex.suspend();
        try {
            resetTokens(processor);
            processor.start();
            catchUp.await(timeout);
        } finally {
            historyIndex.restore();
        }

        Outcome outcome = new Outcome(accountsBefore, queries.accounts(), rejectsBefore, rejectsDigest(),
                System.nanoTime() - start);
        log.info("replay rebuilt {} accounts and the rejects report in {} ms", outcome.accountsAfter().size(),
                outcome.nanos() / 1_000_000);
        return outcome;
    }

    /**
     * Resets the projection's position, once every segment can be claimed. A process that died
     * holding segments (a cluster's node killed, or a node that started and was refused by the
     * cluster) leaves its claims in the token store until they time out (10 s); nothing is reset
     * before. A claim still held after {@link #CLAIM_WAIT} belongs to a live process: the replay fails.
     */
    private static void resetTokens(StreamingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("waiting for a claim on the projection to time out before the reset: {}", e.getMessage());
                Thread.sleep(CLAIM_RETRY_MILLIS);
            }
        }
    }

    private String rejectsDigest() throws IOException {
        MessageDigest digest = sha256();
        long[] rows = {0};
        queries.forEachRejectedRow(row -> {
            digest.update((row.source() + '\n' + row.line() + '\n' + row.eventPosition() + '\n' + row.reason().code()
                    + '\n').getBytes(StandardCharsets.UTF_8));
            rows[0]++;
        });
        return rows[0] + " rows, sha-256 " + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

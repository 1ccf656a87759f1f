package io.payonator.ops.web;

import io.payonator.ops.cluster.ClusterMembership;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import io.payonator.ops.ledger.ProjectionReadConnections;
import io.payonator.ops.ledger.ReplayJob;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * A replay while the service runs. Writes are refused for its duration ({@link LedgerWrites});
 * reads go on, served from a snapshot of the tables as they were when the projection stopped, so
 * no one ever sees a half-rebuilt balance; once the rebuilt tables have caught up, reads see them.
 * While the snapshot is served, responses carry {@value #SNAPSHOT_HEADER}.
 */
@Component
class ServiceReplay {

    static final String SNAPSHOT_HEADER = "Payonator-Snapshot";
    static final String SNAPSHOT_VALUE = "pre-replay";
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final ReplayJob job;
    private final LedgerWrites writes;
    private final ProjectionReadConnections reads;

    private final boolean clustered;

    ServiceReplay(ReplayJob job, LedgerWrites writes, ProjectionReadConnections reads,
                  ObjectProvider<ClusterMembership> cluster) {
        this.job = job;
        this.writes = writes;
        this.reads = reads;
        this.clustered = cluster.getIfAvailable() != null;
    }

    ReplayReport replay() throws InterruptedException {
        if (clustered) {
            // the other nodes hold segments of the projection and go on writing: a replay here alone
            // could neither reset their segments nor compare tables that do not change meanwhile
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "this node serves the ledger in a cluster, where a replay from the service is not available yet;"
                            + " nothing was changed. Stop the nodes, run payonator replay --db URL, start them again"),
                    null);
        }
        writes.beginReplay();
        boolean succeeded = false;
        try {
            ReplayReport report = ReplayReport.of(job.replay(TIMEOUT, reads::pinSnapshot));
            reads.releaseSnapshot();
            succeeded = true;
            return report;
        } catch (IOException | RuntimeException e) {
            throw new LedgerWriteFailedException("the replay failed: " + e.getMessage() + (reads.snapshotPinned()
                    ? "; reads keep serving the balances from before it and writes stay closed until a replay succeeds"
                    : "; nothing was reset"), e);
        } finally {
            // after a failure the snapshot stays: the tables behind it may be half rebuilt
            writes.endReplay(succeeded);
        }
    }

    boolean servingSnapshot() {
        return reads.snapshotPinned();
    }
}

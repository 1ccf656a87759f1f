package io.payonator.ops.web;

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

    private final ClusterReplay cluster;

    ServiceReplay(ReplayJob job, LedgerWrites writes, ProjectionReadConnections reads, ClusterReplay cluster) {
        this.job = job;
        this.writes = writes;
        this.reads = reads;
        this.cluster = cluster;
    }

    /**
     * On a node of a cluster, the replay is the whole cluster's: every other node pauses (see
     * {@link ClusterReplay}) and this one rebuilds every segment of the projection.
     */
    ReplayReport replay() throws InterruptedException {
        writes.beginReplay();
        ClusterReplay.Paused others;
        try {
            others = cluster.clustered() ? cluster.pauseOthers() : null;
        } catch (RuntimeException e) {
            writes.endReplay(false);
            throw e;
        }
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
            if (others != null) {
                others.resume(succeeded || !reads.snapshotPinned());
            }
            writes.endReplay(succeeded);
        }
    }

    boolean servingSnapshot() {
        return reads.snapshotPinned();
    }
}

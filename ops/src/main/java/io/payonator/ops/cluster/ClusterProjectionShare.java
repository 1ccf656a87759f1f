package io.payonator.ops.cluster;

import io.payonator.ops.ledger.ProjectionShare;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A node's fair share of the projection's segments: as many as the serving nodes it sees leave it.
 * While this node rebuilds the projection for the whole cluster (a replay, with every other node's
 * processor stopped), it takes all of them.
 *
 * <p>A process that joins only to import runs no projection ({@code Ledger.openInCluster}), and the
 * nodes do not count it: its projection would otherwise hold segments that a replay on a node
 * resets, and an import that joined after the replay began could claim one in the middle of it.
 * The nodes project what the import stores; the import waits for them (the token store knows
 * every segment, whoever holds it).
 */
public final class ClusterProjectionShare implements ProjectionShare {

    private final Supplier<Collection<String>> view;
    private final ClusterRoutes routes;
    private volatile boolean all;

    /** @param view the members of the cluster's current view, by name; empty before joining */
    ClusterProjectionShare(Supplier<Collection<String>> view, ClusterRoutes routes) {
        this.view = view;
        this.routes = routes;
    }

    @Override
    public int segmentsFor(int totalSegments) {
        if (all) {
            return totalSegments;
        }
        int nodes = servingNodes();
        return (totalSegments + nodes - 1) / nodes;
    }

    /** Whether this node is to hold every segment (claimed within the processor's claim interval). */
    public void claimAll(boolean claimAll) {
        this.all = claimAll;
    }

    /**
     * The members in the view that serve (they take a replay's pause; an import does not), at least
     * this node. Routing may lag the view by an announcement ({@link MembershipAnnouncer}): a node
     * then counts fewer, claims more than its share for a moment, and releases the surplus when
     * the count is right again; it never leaves a segment unclaimed.
     */
    private int servingNodes() {
        List<String> serving = routes.membersWith(ClusterConfiguration.REPLAY_PAUSE_COMMAND);
        long seen = view.get().stream().filter(serving::contains).count();
        return (int) Math.max(1, seen);
    }
}

package io.payonator.ops.cluster;

import io.payonator.ops.ledger.ProjectionShare;
import org.jgroups.JChannel;

/**
 * A node's fair share of the projection's segments: as many as the members it sees leave it. While
 * this node rebuilds the projection for the whole cluster (a replay, with every other node's
 * processor stopped), it takes all of them.
 */
public final class ClusterProjectionShare implements ProjectionShare {

    private final JChannel channel;
    private volatile boolean all;

    ClusterProjectionShare(JChannel channel) {
        this.channel = channel;
    }

    @Override
    public int segmentsFor(int totalSegments) {
        if (all) {
            return totalSegments;
        }
        int nodes = ClusterMembership.size(channel);
        return (totalSegments + nodes - 1) / nodes;
    }

    /** Whether this node is to hold every segment (claimed within the processor's claim interval). */
    public void claimAll(boolean claimAll) {
        this.all = claimAll;
    }
}

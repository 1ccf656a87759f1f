package io.payonator.ops.cluster;

import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells every member, now and then, which commands this node takes. Axon's JGroups connector drops
 * a member's announcement that arrives before the member is in the receiver's view, and the member
 * does not announce itself again: the receiver then routes as if the member were not there (seen in
 * CI: a node whose routing held only itself for minutes). Announcing again heals that within one
 * period; an announcement that changes nothing leaves the routing as it is.
 */
final class MembershipAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MembershipAnnouncer.class);
    private static final long PERIOD_SECONDS = 5;

    private final DistributedCommandBus bus;
    private ScheduledExecutorService announcing;

    MembershipAnnouncer(DistributedCommandBus bus) {
        this.bus = bus;
    }

    @Override
    public synchronized void start() {
        announcing = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "payonator-cluster-announce");
            thread.setDaemon(true);
            return thread;
        });
        announcing.scheduleWithFixedDelay(this::announce, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** A failure is logged, not thrown: thrown, it would silently end every later announcement. */
    private void announce() {
        try {
            bus.updateLoadFactor(bus.getLoadFactor());
        } catch (RuntimeException e) {
            log.warn("could not announce this node's membership to the cluster: {}", e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (announcing != null) {
            announcing.shutdownNow();
            announcing = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return announcing != null;
    }

    /** After the node has joined (ClusterMembership's phase), and stopped before it leaves. */
    @Override
    public int getPhase() {
        return 0;
    }
}

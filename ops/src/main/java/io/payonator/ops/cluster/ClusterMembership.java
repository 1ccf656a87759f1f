package io.payonator.ops.cluster;

import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * This node in its cluster: joins when the ledger's context starts (before the web server takes
 * requests) and leaves when it stops; says which members it sees, by their {@code --cluster}
 * addresses, for health and metrics.
 */
public final class ClusterMembership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);
    private static final long JOIN_TIMEOUT_SECONDS = 60;

    private final JGroupsConnector connector;
    private final JChannel channel;
    private final ClusterSettings settings;
    private final ClusterRoutes routes;
    private volatile boolean running;

    ClusterMembership(JGroupsConnector connector, JChannel channel, ClusterSettings settings, ClusterRoutes routes) {
        this.connector = connector;
        this.routes = routes;
        this.channel = channel;
        this.settings = settings;
    }

    @Override
    public void start() {
        try {
            connector.connect();
            if (!connector.awaitJoined(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ClusterJoinException("could not join the " + settings + " within " + JOIN_TIMEOUT_SECONDS
                        + " s", null);
            }
        } catch (SecurityException e) {
            throw new ClusterJoinException("the members of the " + settings + " refused this node: its cluster secret"
                    + " is not theirs (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterJoinException("interrupted while joining the " + settings, e);
        } catch (ClusterJoinException e) {
            throw e;
        } catch (Exception e) {
            throw new ClusterJoinException("could not join the " + settings + ": " + e.getMessage(), e);
        }
        running = true;
        log.info("joined the {}; members seen: {}", settings, members());
    }

    @Override
    public void stop() {
        running = false;
        connector.disconnect();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: the command bus must route before the web server (the last phase) takes requests. */
    @Override
    public int getPhase() {
        return -1_000;
    }

    /** This node's own address, as {@code --cluster-bind} gives it. */
    public String self() {
        return ClusterSettings.name(settings.bind());
    }

    /** Every member address of {@code --cluster}. */
    public List<String> listed() {
        return settings.members().stream().map(ClusterSettings::name).toList();
    }

    /**
     * The members this node sees: in the cluster's view and in its routing. A member the view holds
     * but whose announcement the routing missed ({@link MembershipAnnouncer}) is left out until it
     * is routed to.
     */
    public List<String> members() {
        Set<String> routed = routes.members();
        return inView(channel).stream().filter(routed::contains).sorted().toList();
    }

    /** The members in the channel's current view, itself included, by their cluster addresses; none before it has joined. */
    static List<String> inView(JChannel channel) {
        View view = channel.getView();
        return view == null ? List.of() : view.getMembers().stream().map(Address::toString).toList();
    }

    /** The node could not join its cluster: a wrong secret, or no way to reach the members. */
    public static final class ClusterJoinException extends RuntimeException {
        ClusterJoinException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

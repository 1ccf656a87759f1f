package io.payonator.ops.cluster;

import org.jgroups.JChannel;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.FD_ALL;
import org.jgroups.protocols.FRAG2;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

import java.util.List;

/**
 * The JGroups stack of a payonator cluster, built here rather than from JGroups' default XML
 * (which is UDP with IP multicast): TCP on the node's own {@code --cluster-bind} address, TCPPING
 * with exactly the {@code --cluster} members (no port range, so nothing else is probed), and
 * failure detection by heartbeats over those same connections ({@code FD_ALL}, not
 * {@code FD_SOCK}, which would open ports of its own). The transport's diagnostics, which listen
 * and answer on a UDP multicast socket, are off: a node sends and receives nothing but TCP to the
 * listed addresses. {@code AUTH} admits only members with the shared secret.
 */
final class ClusterChannel {

    /** How long a silent member may stay in the view: a killed node is suspected after this. */
    static final long FAILURE_TIMEOUT_MILLIS = 3_000;
    private static final long HEARTBEAT_MILLIS = 750;

    private ClusterChannel() {
    }

    static JChannel create(ClusterSettings settings) throws Exception {
        TCP transport = new TCP();
        transport.setBindAddress(settings.bind().getAddress());
        transport.setValue("bind_port", settings.bind().getPort());
        transport.setValue("port_range", 0);
        transport.setValue("enable_diagnostics", false);
        transport.setValue("thread_naming_pattern", "cl");
        AUTH auth = new AUTH().setAuthToken(new SharedSecretToken(settings.secret()));
        auth.setAuthCoord(true);
        List<Protocol> stack = List.of(
                transport,
                new TCPPING().initialHosts(settings.members()).portRange(0),
                new MERGE3().setMinInterval(1_000).setMaxInterval(3_000),
                failureDetection(),
                new VERIFY_SUSPECT().setTimeout(1_000),
                new NAKACK2(),
                new UNICAST3(),
                new STABLE(),
                auth,
                new GMS().joinTimeout(2_000).setPrintLocalAddr(false).setViewAckCollectionTimeout(1_000),
                new UFC(),
                new MFC(),
                new FRAG2());
        JChannel channel = new JChannel(stack);
        // members see each other by their --cluster addresses, in views, logs, health and metrics
        channel.name(ClusterSettings.name(settings.bind()));
        channel.setDiscardOwnMessages(false);
        return channel;
    }

    private static FD_ALL failureDetection() {
        FD_ALL detection = new FD_ALL();
        detection.setValue("timeout", FAILURE_TIMEOUT_MILLIS);
        detection.setValue("interval", HEARTBEAT_MILLIS);
        detection.setValue("timeout_check_interval", HEARTBEAT_MILLIS);
        return detection;
    }
}

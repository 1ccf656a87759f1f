package io.payonator.ops.cluster;

import io.payonator.command.ClientCache;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.extensions.jgroups.commandhandling.JGroupsConnector;
import org.axonframework.serialization.Serializer;
import org.jgroups.JChannel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A node of a cluster: Axon's {@link DistributedCommandBus} with the JGroups connector as the
 * ledger's command bus. Commands about a client go to the member that the consistent hash of the
 * client id names; the ledger's own {@code SimpleCommandBus} is the local segment that runs the
 * handlers of the commands routed here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(ClusterSettings.MEMBERS_PROPERTY)
public class ClusterConfiguration {

    /** The command that carries a {@link ClientRequest} to the client's owner. */
    public static final String OWNER_COMMAND = "payonator.cluster.owner-request";
    /** The command that carries an import's rows of some clients to their owner ({@code ImportPart}). */
    public static final String IMPORT_PART_COMMAND = "payonator.cluster.import-part";
    /** The commands by which the node running a replay pauses and resumes each of the others. */
    public static final String REPLAY_PAUSE_COMMAND = "payonator.cluster.replay-pause";
    public static final String REPLAY_RESUME_COMMAND = "payonator.cluster.replay-resume";
    private static final String CLUSTER_NAME = "payonator";

    @Bean
    ClusterSettings clusterSettings(@Value("${" + ClusterSettings.MEMBERS_PROPERTY + "}") String members,
                                    @Value("${" + ClusterSettings.BIND_PROPERTY + "}") String bind,
                                    @Value("${" + ClusterSettings.SECRET_PROPERTY + "}") String secret) {
        return ClusterSettings.fromProperties(members, bind, secret);
    }

    @Bean(destroyMethod = "close")
    JChannel clusterChannel(ClusterSettings settings) throws Exception {
        return ClusterChannel.create(settings);
    }

    @Bean
    JGroupsConnector clusterConnector(@Qualifier("localSegment") SimpleCommandBus localSegment, JChannel channel,
                                      @Qualifier("messageSerializer") Serializer serializer, ClientCache clients,
                                      ClusterRoutes routes) {
        ClientOwnership ownership = new ClientOwnership(clients);
        return JGroupsConnector.builder()
                .localSegment(localSegment)
                .channel(channel)
                .clusterName(CLUSTER_NAME)
                .serializer(serializer)
                .routingStrategy(new ClientRouting())
                .consistentHashChangeListener(hash -> {
                    routes.routeBy(hash);
                    ownership.onConsistentHashChanged(hash);
                })
                .build();
    }

    @Bean
    @Primary
    DistributedCommandBus distributedCommandBus(JGroupsConnector connector) {
        return DistributedCommandBus.builder().commandRouter(connector).connector(connector).build();
    }

    @Bean
    MembershipAnnouncer membershipAnnouncer(DistributedCommandBus bus) {
        return new MembershipAnnouncer(bus);
    }

    @Bean
    ClusterMembership clusterMembership(JGroupsConnector connector, JChannel channel, ClusterSettings settings,
                                        ClusterRoutes routes) {
        return new ClusterMembership(connector, channel, settings, routes);
    }

    /** A fair share of the projection's segments: each node as many as the serving nodes it sees leave it. */
    @Bean
    ClusterProjectionShare projectionShare(JChannel channel, ClusterRoutes routes) {
        return new ClusterProjectionShare(() -> ClusterMembership.inView(channel), routes);
    }

    @Bean
    ClusterRoutes clusterRoutes() {
        return new ClusterRoutes();
    }
}

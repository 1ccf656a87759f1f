package io.payonator.ops.cluster;

import org.axonframework.commandhandling.distributed.ConsistentHash;
import org.axonframework.commandhandling.distributed.SimpleMember;
import org.axonframework.commandhandling.distributed.commandfilter.CommandNameFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share of the projection's 6 segments a member holds, by the view and the routing it sees.
 * Nodes serve (they take a replay's pause); an import's process joins the view and sends parts.
 */
class ClusterProjectionShareTest {

    private static final int SEGMENTS = 6;
    private static final Set<String> NODE_COMMANDS = Set.of(ClusterConfiguration.REPLAY_PAUSE_COMMAND,
            ClusterConfiguration.IMPORT_PART_COMMAND, ClusterConfiguration.OWNER_COMMAND);

    private final ClusterRoutes routes = new ClusterRoutes();
    private final List<String> view = new ArrayList<>();
    private ConsistentHash hash = new ConsistentHash();

    @Test
    void nodesShareTheSegmentsAndAnImportInTheViewCountsForNone() {
        join("node0", NODE_COMMANDS);
        join("node1", NODE_COMMANDS);
        join("import", Set.of());
        ClusterProjectionShare node = new ClusterProjectionShare(() -> view, routes);

        // three members in the view, but two of them project: 3 segments each covers all 6
        assertThat(node.segmentsFor(SEGMENTS)).isEqualTo(3);
    }

    @Test
    void aNodeNotYetRoutedToIsNotCountedSoTheOthersClaimMoreNeverLess() {
        join("node0", NODE_COMMANDS);
        view.add("node1");
        view.add("node2");
        ClusterProjectionShare node = new ClusterProjectionShare(() -> view, routes);

        assertThat(node.segmentsFor(SEGMENTS)).isEqualTo(6);
        join("node1", NODE_COMMANDS);
        assertThat(node.segmentsFor(SEGMENTS)).isEqualTo(3);
        join("node2", NODE_COMMANDS);
        assertThat(node.segmentsFor(SEGMENTS)).isEqualTo(2);
    }

    @Test
    void aReplayingNodeTakesEverySegmentAndAloneItHoldsThemAll() {
        ClusterProjectionShare node = new ClusterProjectionShare(() -> view, routes);
        assertThat(node.segmentsFor(SEGMENTS)).as("before joining").isEqualTo(6);

        join("node0", NODE_COMMANDS);
        join("node1", NODE_COMMANDS);
        node.claimAll(true);
        assertThat(node.segmentsFor(SEGMENTS)).isEqualTo(6);
        node.claimAll(false);
        assertThat(node.segmentsFor(SEGMENTS)).isEqualTo(3);
    }

    /** A member in the view, and in the routing with the commands it takes. */
    private void join(String name, Set<String> commands) {
        if (!view.contains(name)) {
            view.add(name);
        }
        hash = hash.with(new SimpleMember<>(name, name, false, member -> {
        }), 100, new CommandNameFilter(commands));
        routes.routeBy(hash);
    }
}

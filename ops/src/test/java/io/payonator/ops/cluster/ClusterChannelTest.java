package io.payonator.ops.cluster;

import io.payonator.ops.testing.ServedNode;
import org.jgroups.JChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster's JGroups stack on loopback, in one JVM: members with the secret form one view,
 * named by their cluster addresses; a process with another secret is refused; the stack has no
 * UDP transport, no multicast discovery and no diagnostics.
 */
class ClusterChannelTest {

    private static final String SECRET = "the-members-secret-42";
    private final List<JChannel> channels = new ArrayList<>();

    @AfterEach
    void close() {
        channels.forEach(JChannel::close);
    }

    @Test
    void membersWithTheSecretSeeEachOtherByTheirAddresses() throws Exception {
        int[] ports = ServedNode.freeLoopbackPorts(2);
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        join(ClusterSettings.parse(members, "127.0.0.1:" + ports[0], SECRET));
        JChannel second = join(ClusterSettings.parse(members, "127.0.0.1:" + ports[1], SECRET));

        assertThat(second.getView().getMembers().stream().map(Object::toString).sorted().toList())
                .containsExactlyInAnyOrder("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);
    }

    @Test
    void aProcessWithoutTheSecretCannotJoin() throws Exception {
        int[] ports = ServedNode.freeLoopbackPorts(2);
        String members = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1];
        JChannel member = join(ClusterSettings.parse(members, "127.0.0.1:" + ports[0], SECRET));

        assertThatThrownBy(() -> join(ClusterSettings.parse(members, "127.0.0.1:" + ports[1],
                "another-secret-entirely")))
                .isInstanceOf(SecurityException.class);
        assertThat(member.getView().size()).isEqualTo(1);
    }

    @Test
    void theStackSendsNothingButTcpToTheListedMembers() throws Exception {
        int[] ports = ServedNode.freeLoopbackPorts(1);
        JChannel channel = ClusterChannel.create(ClusterSettings.parse("127.0.0.1:" + ports[0],
                "127.0.0.1:" + ports[0], SECRET));
        channels.add(channel);

        List<String> protocols = channel.getProtocolStack().getProtocols().stream()
                .map(protocol -> protocol.getClass().getSimpleName()).toList();
        assertThat(protocols).contains("TCP", "TCPPING", "AUTH").doesNotContain("UDP", "MPING", "PING", "FD_SOCK");
        assertThat(channel.getProtocolStack().getTransport().getValue("enable_diagnostics")).isEqualTo(false);
        assertThat(channel.getProtocolStack().findProtocol("TCPPING").getValue("port_range")).isEqualTo(0);
        assertThat(channel.getProtocolStack().getTransport().getValue("port_range")).isEqualTo(0);
    }

    @Test
    void theSettingsRefuseAnOwnAddressOutsideTheMembersAndAShortSecret() {
        assertThatThrownBy(() -> ClusterSettings.parse("127.0.0.1:7801,127.0.0.1:7802", "127.0.0.1:7803", SECRET))
                .hasMessageContaining("is not one of the --cluster members");
        assertThatThrownBy(() -> ClusterSettings.parse("127.0.0.1:7801", "127.0.0.1:7801", "short"))
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> ClusterSettings.parse("127.0.0.1:7801", "127.0.0.1:7801", null))
                .hasMessageContaining(ClusterSettings.SECRET_VARIABLE);
        assertThat(ClusterSettings.parse("127.0.0.1:7801", "127.0.0.1:7801", SECRET).toString())
                .doesNotContain(SECRET);
    }

    private JChannel join(ClusterSettings settings) throws Exception {
        JChannel channel = ClusterChannel.create(settings);
        channels.add(channel);
        channel.connect("payonator-test");
        return channel;
    }
}

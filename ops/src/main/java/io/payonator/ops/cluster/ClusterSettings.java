package io.payonator.ops.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node's place in a cluster: every member's cluster address ({@code --cluster}), its own among
 * them ({@code --cluster-bind}) and the members' shared secret. The secret is never shown:
 * {@link #toString()} leaves it out.
 */
public record ClusterSettings(List<InetSocketAddress> members, InetSocketAddress bind, String secret) {

    public static final String MEMBERS_PROPERTY = "payonator.cluster.members";
    public static final String BIND_PROPERTY = "payonator.cluster.bind";
    public static final String SECRET_PROPERTY = "payonator.cluster.secret";
    /** The environment variable that may hold the secret instead of {@code --cluster-secret}. */
    public static final String SECRET_VARIABLE = "PAYONATOR_CLUSTER_SECRET";
    /** Shorter secrets are refused: the secret is all that keeps a stranger out. */
    static final int MIN_SECRET_LENGTH = 16;

    public ClusterSettings {
        members = List.copyOf(members);
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * @throws IllegalArgumentException with a message for the user, naming the option at fault
     */
    public static ClusterSettings parse(String members, String bind, String secret) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String member : members.split(",")) {
            addresses.add(address(member.trim(), "--cluster"));
        }
        if (new LinkedHashSet<>(addresses).size() != addresses.size()) {
            throw new IllegalArgumentException("--cluster " + members + ": a member is listed twice");
        }
        InetSocketAddress own = address(bind.trim(), "--cluster-bind");
        if (!addresses.contains(own)) {
            throw new IllegalArgumentException("--cluster-bind " + bind + " is not one of the --cluster members "
                    + members);
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a cluster needs its members' shared secret: give --cluster-secret or"
                    + " set " + SECRET_VARIABLE);
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the cluster secret must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        return new ClusterSettings(addresses, own, secret);
    }

    /** The settings a node's Spring context was given as properties (see {@link #properties()}). */
    static ClusterSettings fromProperties(String members, String bind, String secret) {
        return parse(members, bind, secret);
    }

    /** The context properties that carry these settings to {@link ClusterConfiguration}. */
    public Map<String, Object> properties() {
        return Map.of(MEMBERS_PROPERTY, String.join(",", members.stream().map(ClusterSettings::name).toList()),
                BIND_PROPERTY, name(bind), SECRET_PROPERTY, secret);
    }

    /** A member as {@code --cluster} names it, and as health and metrics show it: {@code 127.0.0.1:7801}. */
    public static String name(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static InetSocketAddress address(String text, String option) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(option + " " + text + ": give HOST:PORT, e.g. 127.0.0.1:7801");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + text + ": the port is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(option + " " + text + ": the port must be 1..65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(text.substring(0, colon)), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + " " + text + ": no such address or host name");
        }
    }

    @Override
    public String toString() {
        return "cluster " + members.stream().map(ClusterSettings::name).toList() + " as " + name(bind);
    }
}

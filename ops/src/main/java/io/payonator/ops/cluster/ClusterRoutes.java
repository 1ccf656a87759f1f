package io.payonator.ops.cluster;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.distributed.ConsistentHash;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.messaging.GenericMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the cluster's bus sends a command now, by the consistent hash it routes by: which member
 * owns which clients, and a client per member by which a command reaches that member. Nothing is
 * routed here; the bus does that. Only members that subscribed a command take it, so a process that
 * joins only to send (an import) owns nothing.
 */
public final class ClusterRoutes {

    /** Client ids are 0..65535 (SPEC.md). */
    private static final int CLIENTS = 65_536;

    /** The hash the bus routes by, as the connector last announced it. */
    private volatile ConsistentHash current = new ConsistentHash();

    /** Follows the connector's hash: it tells every change to its listener. */
    void routeBy(ConsistentHash hash) {
        current = hash;
    }

    /** The clients by the member that owns them now for {@code command}, each list in the order given. */
    public Map<String, List<Integer>> byOwner(Collection<Integer> clients, String command) {
        ConsistentHash hash = current;
        CommandMessage<?> probe = probe(command);
        Map<String, List<Integer>> owners = new LinkedHashMap<>();
        for (int client : clients) {
            String owner = hash.getMember(ClientRouting.key(client), probe).map(Member::name).orElse("");
            owners.computeIfAbsent(owner, o -> new ArrayList<>()).add(client);
        }
        return owners;
    }

    /** For each member that takes {@code command}, by name, a client it owns now. */
    public Map<String, Integer> clientPerMember(String command) {
        ConsistentHash hash = current;
        CommandMessage<?> probe = probe(command);
        int members = takers(hash, probe).size();
        Map<String, Integer> found = new TreeMap<>();
        for (int client = 0; client < CLIENTS && found.size() < members; client++) {
            int key = client;
            hash.getMember(ClientRouting.key(client), probe).ifPresent(member -> found.putIfAbsent(member.name(), key));
        }
        return found;
    }

    /** Every member the bus routes to, by name. */
    public Set<String> members() {
        return current.getMembers().stream().map(Member::name).collect(Collectors.toSet());
    }

    /** The members that take {@code command}, by name, sorted. */
    public List<String> membersWith(String command) {
        return takers(current, probe(command)).stream().sorted().toList();
    }

    /** The members that do not take {@code command}, by name, sorted. */
    public List<String> membersWithout(String command) {
        ConsistentHash hash = current;
        List<String> takers = takers(hash, probe(command));
        return hash.getMembers().stream().map(Member::name).filter(name -> !takers.contains(name)).sorted().toList();
    }

    private static List<String> takers(ConsistentHash hash, CommandMessage<?> probe) {
        return hash.getMembers().stream()
                .filter(member -> member instanceof ConsistentHash.ConsistentHashMember taker
                        && taker.getCommandFilter().matches(probe))
                .map(Member::name)
                .toList();
    }

    private static CommandMessage<?> probe(String command) {
        return new GenericCommandMessage<>(new GenericMessage<>(Boolean.TRUE), command);
    }
}

package io.payonator.ops.cluster;

import io.payonator.command.ClientCache;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.distributed.ConsistentHash;
import org.axonframework.commandhandling.distributed.ConsistentHashChangeListener;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * Drops the cached {@code Client} aggregates of the clients whose owner changed with the last
 * membership change. A node that owned a client before, lost it and owns it again must not decide
 * from the state it cached then: the interim owner has added events since. (That node's appends
 * would fail on the event store's (aggregate, sequence) key anyway; dropping them first spares the
 * retry.)
 */
final class ClientOwnership implements ConsistentHashChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ClientOwnership.class);
    /** Client ids are 0..65535 (SPEC.md): every one can be looked up at each change. */
    private static final int CLIENTS = 65_536;
    private static final CommandMessage<?> PROBE =
            new GenericCommandMessage<>(new GenericMessage<>(Boolean.TRUE), ClusterConfiguration.OWNER_COMMAND);

    private final ClientCache cache;
    private ConsistentHash previous = new ConsistentHash();

    ClientOwnership(ClientCache cache) {
        this.cache = cache;
    }

    @Override
    public synchronized void onConsistentHashChanged(ConsistentHash next) {
        if (next.equals(previous)) {
            return;
        }
        int dropped = 0;
        int moved = 0;
        for (int client = 0; client < CLIENTS; client++) {
            String key = ClientRouting.key(client);
            if (!Objects.equals(owner(previous, key), owner(next, key))) {
                moved++;
                if (cache.remove(key)) {
                    dropped++;
                }
            }
        }
        List<String> before = names(previous);
        previous = next;
        if (moved > 0 || !before.equals(names(next))) {
            log.info("cluster members now {}: {} clients changed owner, {} cached clients dropped", names(next),
                    moved, dropped);
        }
    }

    private static List<String> names(ConsistentHash hash) {
        return hash.getMembers().stream().map(Member::name).sorted().toList();
    }

    private static String owner(ConsistentHash hash, String key) {
        return hash.getMember(key, PROBE).map(Member::name).orElse(null);
    }
}

package io.payonator.ops.cluster;

import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.ImportPart;
import io.payonator.command.ClientTargetResolver;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.RoutingStrategy;

/**
 * Routes by client: the key is the client's aggregate identifier, so Axon's consistent hash sends
 * every request about one client to the same node while membership stays the same.
 */
final class ClientRouting implements RoutingStrategy {

    @Override
    public String getRoutingKey(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof ClientRequest request) {
            return key(request.client());
        }
        if (payload instanceof ClientCommand row) {
            return key(row.client());
        }
        if (payload instanceof ImportPart part) {
            return key(part.client());
        }
        throw new IllegalArgumentException("no client to route " + command.getCommandName() + " by");
    }

    static String key(int client) {
        return ClientTargetResolver.identifier(client);
    }
}

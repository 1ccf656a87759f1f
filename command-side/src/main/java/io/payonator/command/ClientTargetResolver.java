package io.payonator.command;

import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ClientCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Reads the client id straight from the command, instead of Axon's reflective lookup of
 * {@code @TargetAggregateIdentifier} on every command; anything else falls back to that lookup.
 */
public final class ClientTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver fallback = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof ClientCommand row) {
            return target(row.client());
        }
        if (payload instanceof ApplyTransactions batch) {
            return target(batch.client());
        }
        return fallback.resolveTarget(command);
    }

    /** The aggregate identifier of a client: its id in decimal, as {@code Client} sets it. */
    public static String identifier(int client) {
        return Integer.toString(client);
    }

    private static VersionedAggregateIdentifier target(int client) {
        return new VersionedAggregateIdentifier(identifier(client), null);
    }
}

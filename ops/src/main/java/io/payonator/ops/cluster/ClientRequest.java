package io.payonator.ops.cluster;

/**
 * A request about one client that is sent to the node owning that client: the payload of the
 * command named {@link ClusterConfiguration#OWNER_COMMAND}. Its routing key is the client id.
 */
public interface ClientRequest {

    int client();
}

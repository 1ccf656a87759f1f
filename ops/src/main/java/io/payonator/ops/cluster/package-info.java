/**
 * Several nodes serving one PostgreSQL ledger ({@code payonator serve --cluster}): the JGroups
 * channel (TCP and TCPPING to the listed members only, members authenticated with a shared
 * secret), Axon's {@code DistributedCommandBus} over it, which routes a client's requests to the
 * node that owns the client by consistent hashing, and what follows from membership: cached
 * clients dropped when their owner changes, and the balance projection's share of segments.
 * Only configured when {@value io.payonator.ops.cluster.ClusterSettings#MEMBERS_PROPERTY} is set.
 */
package io.payonator.ops.cluster;

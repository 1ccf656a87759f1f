package io.payonator.ops.ledger;

/**
 * How many of the balance projection's segments this process may hold: all of them alone, a fair
 * share when nodes of a cluster share the projection (see {@code io.payonator.ops.cluster}).
 * Asked again whenever the processor looks for segments, so the share follows membership.
 */
@FunctionalInterface
public interface ProjectionShare {

    int segmentsFor(int totalSegments);
}

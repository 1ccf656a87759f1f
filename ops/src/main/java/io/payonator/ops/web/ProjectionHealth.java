package io.payonator.ops.web;

import io.payonator.ops.cluster.ClusterMembership;
import org.springframework.beans.factory.ObjectProvider;
import io.payonator.ops.ledger.ProjectionCatchUp;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The balance projection in {@code /actuator/health}: down while it is stopped by an error (its
 * tables lag behind the events), or after a replay that failed; up otherwise, with its lag. Every
 * value comes from memory: it answers at once, also while a write or a projection batch runs.
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator {

    private final ProjectionCatchUp projection;
    private final ProjectionLag lag;
    private final LedgerWrites writes;

    private final ClusterMembership cluster;

    ProjectionHealth(ProjectionCatchUp projection, ProjectionLag lag, LedgerWrites writes,
                     ObjectProvider<ClusterMembership> cluster) {
        this.projection = projection;
        this.lag = lag;
        this.writes = writes;
        this.cluster = cluster.getIfAvailable();
    }

    @Override
    public Health health() {
        Optional<Throwable> failure = projection.failure();
        Health.Builder health = failure.isPresent() || !(writes.open() || writes.replaying())
                ? Health.down() : Health.up();
        failure.ifPresent(error -> health.withDetail("error", String.valueOf(error.getMessage())));
        health.withDetail("lagEvents", lag.events())
                .withDetail("replaying", writes.replaying())
                .withDetail("writesOpen", writes.open());
        if (cluster != null) {
            // which node this is, whom it sees, and its part of the projection
            health.withDetail("node", cluster.self())
                    .withDetail("members", cluster.members())
                    .withDetail("listedMembers", cluster.listed())
                    .withDetail("segmentsHeld", projection.segmentsHeld());
        }
        return health.build();
    }
}

package io.payonator.ops.web;

import io.payonator.ops.ledger.ProjectionCatchUp;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The balance projection in {@code /actuator/health}: down while it is stopped by an error (its
 * tables lag behind the events), or after a replay that failed; up otherwise, with its lag.
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator {

    private final ProjectionCatchUp projection;
    private final LedgerWrites writes;

    ProjectionHealth(ProjectionCatchUp projection, LedgerWrites writes) {
        this.projection = projection;
        this.writes = writes;
    }

    @Override
    public Health health() {
        Optional<Throwable> failure = projection.failure();
        Health.Builder health = failure.isPresent() || !(writes.open() || writes.replaying())
                ? Health.down() : Health.up();
        failure.ifPresent(error -> health.withDetail("error", String.valueOf(error.getMessage())));
        return health.withDetail("lagEvents", projection.lag())
                .withDetail("replaying", writes.replaying())
                .withDetail("writesOpen", writes.open())
                .build();
    }
}

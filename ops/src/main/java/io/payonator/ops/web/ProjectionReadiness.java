package io.payonator.ops.web;

import io.payonator.ops.ledger.ProjectionCatchUp;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The web server opens only once the projection has applied every event stored before the
 * service started: reads never answer from tables that are still being built (after an upgrade
 * that rebuilds them, or an import the projection had not finished). Its phase is after Axon's,
 * which starts the projection, and before the web server's.
 */
@Component
class ProjectionReadiness implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReadiness.class);
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final ProjectionCatchUp projection;
    private volatile boolean running;

    ProjectionReadiness(ProjectionCatchUp projection) {
        this.projection = projection;
    }

    @Override
    public void start() {
        log.info("the service opens once the projection has applied every stored event");
        try {
            projection.await(TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection to catch up", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 512;
    }
}

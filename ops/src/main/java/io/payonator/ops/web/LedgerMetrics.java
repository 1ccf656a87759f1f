package io.payonator.ops.web;

import io.payonator.ops.cluster.ClusterMembership;
import io.payonator.ops.ledger.ProjectionCatchUp;
import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.payonator.api.RejectionReason;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * The service's own meters, for Prometheus: rows submitted to it by outcome and reason
 * ({@code payonator_commands_total}), and how far the projection is behind the event store
 * ({@code payonator_projection_lag_events}). Every counter exists from the start, at zero.
 */
@Component
class LedgerMetrics {

    private static final String COMMANDS = "payonator.commands";

    private final Counter accepted;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

    LedgerMetrics(MeterRegistry registry, ProjectionLag lag, LedgerWrites writes, ProjectionCatchUp projection,
                  ObjectProvider<ClusterMembership> cluster) {
        accepted = Counter.builder(COMMANDS).description("Rows submitted to the service, by outcome and reason")
                .tag("outcome", RowResult.ACCEPTED).tag("reason", "none").register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder(COMMANDS).description("Rows submitted to the service, by outcome and reason")
                    .tag("outcome", RowResult.REJECTED).tag("reason", reason.code()).register(registry));
        }
        Gauge.builder("payonator.projection.lag", lag, ProjectionLag::events).baseUnit("events")
                .description("Events in the store that the balance projection has not applied yet").register(registry);
        Gauge.builder("payonator.projection.replaying", writes, w -> w.replaying() ? 1 : 0)
                .description("1 while a replay rebuilds the balance tables").register(registry);
        ClusterMembership membership = cluster.getIfAvailable();
        if (membership != null) {
            for (String member : membership.listed()) {
                Gauge.builder("payonator.cluster.member.seen", membership, m -> m.members().contains(member) ? 1 : 0)
                        .tag("member", member)
                        .description("1 when this node sees the --cluster member in its view").register(registry);
            }
            Gauge.builder("payonator.projection.segments.held", projection, p -> p.segmentsHeld().size())
                    .description("Segments of the balance projection this node holds").register(registry);
        }
    }

    void count(RowResult result) {
        if (result.isAccepted()) {
            accepted.increment();
        } else {
            rejected.get(RejectionReason.fromCode(result.reason())).increment();
        }
    }
}

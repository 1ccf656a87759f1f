package io.payonator.ops.web;

import io.payonator.ops.cluster.ClientRequest;
import io.payonator.ops.cluster.ClusterConfiguration;
import io.payonator.ops.cluster.ClusterMembership;
import io.payonator.ops.cluster.ClusterProjectionShare;
import io.payonator.ops.cluster.ClusterRoutes;
import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.ops.ledger.ProjectionReadConnections;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A replay over the whole cluster, run by the node that takes {@code POST /admin/replay}. It
 * pauses every other node with a command over the cluster's bus, addressed by a client that node
 * owns: the node refuses writes (503 with {@code Retry-After}), stops its share of the projection,
 * which gives up its segments, and serves reads from a snapshot. This node then takes every
 * segment, and the replay runs as on a single node: caught up, tables compared before and after
 * the rebuild. Then it resumes the others, which take their share of the segments again.
 *
 * <p>A paused node whose replaying node leaves the cluster resumes by itself; as it cannot know
 * whether the tables were emptied, its writes stay refused until a replay succeeds.
 */
@Component
class ClusterReplay {

    private static final Logger log = LoggerFactory.getLogger(ClusterReplay.class);
    private static final long PAUSE_TIMEOUT_SECONDS = 60;
    private static final long WATCH_SECONDS = 1;

    /** Asks the node owning {@code client} to pause for a replay run by {@code coordinator}. */
    record ReplayPause(int client, String coordinator) implements ClientRequest {
    }

    /** Asks the node owning {@code client} to resume; {@code tablesIntact}: the replay left balances to serve. */
    record ReplayResume(int client, boolean tablesIntact) implements ClientRequest {
    }

    /** A paused or resumed node's answer: done, or why not. */
    record ReplayAnswer(boolean done, String problem) {
    }

    /** The nodes this one paused for its replay: resumed when it is over. */
    final class Paused {

        private final List<Integer> clients;

        private Paused(List<Integer> clients) {
            this.clients = clients;
        }

        /** Resumes every paused node, and gives this node its fair share of the segments back. */
        void resume(boolean tablesIntact) {
            share.claimAll(false);
            for (int client : clients) {
                ReplayAnswer answer = ask(new ReplayResume(client, tablesIntact), ClusterConfiguration.REPLAY_RESUME_COMMAND);
                if (!answer.done()) {
                    log.warn("the owner of client {} did not resume after the replay: {}", client, answer.problem());
                }
            }
        }
    }

    private final ClusterMembership membership;
    private final ClusterRoutes routes;
    private final ClusterProjectionShare share;
    private final CommandBus commandBus;
    private final LedgerWrites writes;
    private final ProjectionReadConnections reads;
    private final ProjectionCatchUp projection;
    private final ScheduledExecutorService watch;
    /** The node whose replay this one is paused for, or {@code null}. */
    private volatile String pausedBy;

    ClusterReplay(ObjectProvider<ClusterMembership> membership, ObjectProvider<ClusterRoutes> routes,
                  ObjectProvider<ClusterProjectionShare> share, CommandBus commandBus, LedgerWrites writes,
                  ProjectionReadConnections reads, ProjectionCatchUp projection) {
        this.membership = membership.getIfAvailable();
        this.routes = routes.getIfAvailable();
        this.share = share.getIfAvailable();
        this.commandBus = commandBus;
        this.writes = writes;
        this.reads = reads;
        this.projection = projection;
        this.watch = this.membership == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "payonator-replay-watch");
            thread.setDaemon(true);
            return thread;
        });
        if (this.membership != null) {
            commandBus.subscribe(ClusterConfiguration.REPLAY_PAUSE_COMMAND, message -> pause(message));
            commandBus.subscribe(ClusterConfiguration.REPLAY_RESUME_COMMAND, message -> resume(message));
            watch.scheduleWithFixedDelay(this::resumeIfCoordinatorLeft, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
        }
    }

    boolean clustered() {
        return membership != null;
    }

    /**
     * Pauses every other node of the cluster for a replay run here, and lets this node take every
     * segment. Nothing is paused when it throws.
     *
     * @throws ErrorResponseException 409 while an import runs through the cluster; 503 when a node
     *                                could not be paused (membership is changing)
     */
    Paused pauseOthers() {
        // by the view, which an import that has just left is already out of
        List<String> importers = routes.membersWithout(ClusterConfiguration.REPLAY_PAUSE_COMMAND).stream()
                .filter(membership.members()::contains).toList();
        if (!importers.isEmpty()) {
            throw problem(HttpStatus.CONFLICT, "an import is running through the cluster (member " + importers
                    + "); nothing was changed: replay once it is done");
        }
        Paused paused = new Paused(new ArrayList<>());
        for (Map.Entry<String, Integer> node : routes.clientPerMember(ClusterConfiguration.REPLAY_PAUSE_COMMAND)
                .entrySet()) {
            if (node.getKey().equals(membership.self())) {
                continue;
            }
            ReplayAnswer answer = ask(new ReplayPause(node.getValue(), membership.self()),
                    ClusterConfiguration.REPLAY_PAUSE_COMMAND);
            if (!answer.done()) {
                paused.resume(true);
                throw problem(HttpStatus.SERVICE_UNAVAILABLE, "node " + node.getKey() + " could not pause for the"
                        + " replay (" + answer.problem() + "); nothing was changed: try again");
            }
            paused.clients.add(node.getValue());
            log.info("node {} paused for the replay", node.getKey());
        }
        share.claimAll(true);
        return paused;
    }

    private ReplayAnswer ask(ClientRequest request, String command) {
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        commandBus.dispatch(new GenericCommandMessage<>(new GenericMessage<>(request), command),
                (message, answer) -> result.complete(answer));
        try {
            CommandResultMessage<?> answer = result.get(PAUSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (answer.isExceptional()) {
                return new ReplayAnswer(false, answer.exceptionResult().getMessage());
            }
            return (ReplayAnswer) answer.getPayload();
        } catch (TimeoutException e) {
            return new ReplayAnswer(false, "no answer within " + PAUSE_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return new ReplayAnswer(false, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReplayAnswer(false, "interrupted");
        }
    }

    /** A paused node: no writes, no segments, reads from a snapshot, until resumed. */
    private synchronized ReplayAnswer pause(CommandMessage<?> message) {
        ReplayPause request = (ReplayPause) message.getPayload();
        try {
            writes.beginReplay();
        } catch (ErrorResponseException e) {
            return new ReplayAnswer(false, e.getBody().getDetail());
        }
        try {
            projection.processor().shutDown();
            reads.pinSnapshot();
        } catch (RuntimeException e) {
            projection.processor().start();
            writes.endReplay(true);
            log.error("could not pause for {}'s replay: {}", request.coordinator(), e.getMessage(), e);
            return new ReplayAnswer(false, e.getMessage());
        }
        pausedBy = request.coordinator();
        log.info("paused for the replay run by {}: writes refused, projection stopped", pausedBy);
        return new ReplayAnswer(true, null);
    }

    private ReplayAnswer resume(CommandMessage<?> message) {
        resume(((ReplayResume) message.getPayload()).tablesIntact());
        return new ReplayAnswer(true, null);
    }

    private synchronized void resume(boolean tablesIntact) {
        if (pausedBy == null) {
            return;
        }
        log.info("resuming after the replay run by {}{}", pausedBy,
                tablesIntact ? "" : "; it did not succeed: writes stay refused until a replay succeeds");
        pausedBy = null;
        if (tablesIntact) {
            reads.releaseSnapshot();
        }
        projection.processor().start();
        writes.endReplay(tablesIntact);
    }

    /** A replaying node that died would leave this one paused for good. */
    private void resumeIfCoordinatorLeft() {
        String coordinator = pausedBy;
        if (coordinator == null || membership.members().contains(coordinator)) {
            return;
        }
        log.warn("{}, which paused this node for its replay, left the cluster", coordinator);
        try {
            resume(false);
        } catch (RuntimeException e) {
            // logged, not thrown: a task that throws is never run again, and the next look retries
            log.error("could not resume after {} left: {}", coordinator, e.getMessage(), e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ErrorResponseException exception = new ErrorResponseException(status,
                ProblemDetail.forStatusAndDetail(status, detail), null);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            exception.getHeaders().set("Retry-After", "5");
        }
        return exception;
    }
}

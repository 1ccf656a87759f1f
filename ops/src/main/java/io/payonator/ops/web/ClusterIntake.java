package io.payonator.ops.web;

import io.payonator.api.RejectionReason;
import io.payonator.api.command.ImportPart;
import io.payonator.command.intake.MalformedRowException;
import io.payonator.ops.cluster.ClusterConfiguration;
import io.payonator.ops.cluster.ClusterMembership;
import io.payonator.ops.importer.ImportPartStore;
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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes on a node of a cluster: a JSON transaction goes, as an {@link OwnerRequest}, through the
 * cluster's command bus to the node that owns its client, which decides it with its
 * {@link OnlineIntake} as a single node does, one request at a time in arrival order, and answers.
 * A request whose answer cannot be had because membership is changing (the owner left, or the
 * message could not be sent) is refused with 503 and {@code Retry-After}: it may or may not have
 * been applied, and a retry with the same tx id is safe (applied already, it is a duplicate_tx).
 */
@Component
class ClusterIntake {

    private static final Logger log = LoggerFactory.getLogger(ClusterIntake.class);
    /** An owner that has not answered by then is taken for gone; it is suspected after some 3 s. */
    private static final long ANSWER_TIMEOUT_SECONDS = 15;
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final int MAX_CLIENT = 65_535;

    private final boolean clustered;
    private final CommandBus commandBus;
    private final OnlineIntake intake;
    private final LedgerWrites writes;
    private final ImportPartStore parts;
    /** The owner's side: forwarded requests decided one at a time, outside the command's unit of work. */
    private final ExecutorService owner;

    ClusterIntake(ObjectProvider<ClusterMembership> membership, CommandBus commandBus, OnlineIntake intake,
                  LedgerWrites writes, ImportPartStore parts) {
        this.clustered = membership.getIfAvailable() != null;
        this.commandBus = commandBus;
        this.intake = intake;
        this.writes = writes;
        this.parts = parts;
        this.owner = clustered ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "payonator-owner");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (clustered) {
            commandBus.subscribe(ClusterConfiguration.OWNER_COMMAND, this::answerAsOwner);
            commandBus.subscribe(ClusterConfiguration.IMPORT_PART_COMMAND, this::storeImportPart);
        }
    }

    boolean clustered() {
        return clustered;
    }

    /** Sends the transaction to its client's owner and returns the owner's answer. */
    RowResult submit(TransactionRequest request, String source) throws MalformedRowException {
        Integer client = routable(request.client());
        if (client == null) {
            // no client to route by: refused here exactly as the owner would refuse it
            return intake.submit(request, source);
        }
        OwnerRequest forwarded = new OwnerRequest(client, request.type(), request.client(), request.tx(),
                request.amount(), source);
        OwnerAnswer answer = ask(forwarded);
        if (answer.status() == HttpStatus.OK.value()) {
            return answer.row();
        }
        if (answer.status() == HttpStatus.BAD_REQUEST.value() && answer.problemReason() != null) {
            throw new MalformedRowException(RejectionReason.fromCode(answer.problemReason()), answer.problemDetail());
        }
        throw problem(HttpStatus.valueOf(answer.status()), answer.problemDetail());
    }

    private OwnerAnswer ask(OwnerRequest request) {
        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        CommandMessage<OwnerRequest> command = new GenericCommandMessage<>(new GenericMessage<>(request),
                ClusterConfiguration.OWNER_COMMAND);
        commandBus.dispatch(command, (message, answer) -> result.complete(answer));
        CommandResultMessage<?> answer;
        try {
            answer = result.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw changing("the owner of client " + request.client() + " did not answer within "
                    + ANSWER_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw changing("interrupted while waiting for the owner of client " + request.client());
        } catch (ExecutionException e) {
            throw changing(String.valueOf(e.getCause()));
        }
        if (answer.isExceptional()) {
            log.info("tx {} of client {}: no answer from its owner: {}", request.tx(), request.client(),
                    answer.exceptionResult().toString());
            throw changing("its owner could not be reached: " + answer.exceptionResult().getMessage());
        }
        return (OwnerAnswer) answer.getPayload();
    }

    /** The owner's side: never throws, so that every outcome travels back as an answer. */
    private OwnerAnswer answerAsOwner(CommandMessage<?> message) throws InterruptedException {
        OwnerRequest request = (OwnerRequest) message.getPayload();
        try {
            return owner.submit(() -> decide(request)).get();
        } catch (ExecutionException e) {
            return OwnerAnswer.problem(HttpStatus.INTERNAL_SERVER_ERROR.value(), null, String.valueOf(e.getCause()));
        }
    }

    /**
     * The owner's side of an import through the cluster: the part is stored on the owner's thread,
     * with the node's other writes, as one of them (so not while a replay runs). Never throws.
     */
    private ImportPart.Outcome storeImportPart(CommandMessage<?> message) throws InterruptedException {
        ImportPart part = (ImportPart) message.getPayload();
        try {
            return owner.submit(() -> writes.exclusive(() -> parts.store(part))).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ErrorResponseException refused && refused.getStatusCode().value() == 503) {
                return ImportPart.Outcome.retryLater(refused.getBody().getDetail());
            }
            log.error("an import's rows of client {} and others could not be stored: {}", part.client(),
                    cause.getMessage(), cause);
            return ImportPart.Outcome.failed(cause.getMessage());
        }
    }

    private OwnerAnswer decide(OwnerRequest request) {
        try {
            return OwnerAnswer.of(intake.submit(new TransactionRequest(request.type(), request.clientField(),
                    request.tx(), request.amount()), request.source()));
        } catch (MalformedRowException e) {
            return OwnerAnswer.problem(HttpStatus.BAD_REQUEST.value(), e.reason().code(), e.getMessage());
        } catch (ErrorResponseException e) {
            return OwnerAnswer.problem(e.getStatusCode().value(), null, e.getBody().getDetail());
        } catch (RuntimeException e) {
            log.error("tx {} of client {} could not be decided: {}", request.tx(), request.client(), e.getMessage(), e);
            return OwnerAnswer.problem(HttpStatus.INTERNAL_SERVER_ERROR.value(), null, e.getMessage());
        }
    }

    /** The client id if the field holds a valid one, else {@code null}. */
    private static Integer routable(String field) {
        if (field == null) {
            return null;
        }
        try {
            int client = Integer.parseInt(field.strip());
            return client >= 0 && client <= MAX_CLIENT ? client : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ErrorResponseException changing(String why) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the cluster's membership is changing (" + why + "); the row"
                + " may or may not have been applied: retry with the same tx id, which is safe");
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ErrorResponseException exception = new ErrorResponseException(status,
                ProblemDetail.forStatusAndDetail(status, detail), null);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            exception.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        }
        return exception;
    }
}

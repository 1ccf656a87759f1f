package io.payonator.ops.web;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;

/** The service's reads, through Axon's query bus to the query side's handlers, answered in the calling thread. */
@Component
class LedgerQueryGateway {

    private final QueryGateway queries;

    LedgerQueryGateway(QueryGateway queries) {
        this.queries = queries;
    }

    <R, Q> R ask(Q query, ResponseType<R> responseType) {
        try {
            return queries.query(query, responseType).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

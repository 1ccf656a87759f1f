package io.payonator.ops.web;

import io.payonator.api.Paging;
import io.payonator.command.intake.TransactionIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The service's own 4xx answers, as {@code application/problem+json}. */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static int client(int client) {
        if (client < 0 || client > TransactionIntake.MAX_CLIENT) {
            throw of(HttpStatus.BAD_REQUEST, "client " + client + " is out of range 0.." + TransactionIntake.MAX_CLIENT);
        }
        return client;
    }

    static long tx(long tx) {
        if (tx < 0 || tx > TransactionIntake.MAX_TX) {
            throw of(HttpStatus.BAD_REQUEST, "tx " + tx + " is out of range 0.." + TransactionIntake.MAX_TX);
        }
        return tx;
    }

    static void paging(int page, int size) {
        if (page < 0) {
            throw of(HttpStatus.BAD_REQUEST, "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > Paging.MAX_SIZE) {
            throw of(HttpStatus.BAD_REQUEST, "size must be 1.." + Paging.MAX_SIZE + ", was " + size);
        }
    }
}

package io.payonator.ops.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.payonator.command.intake.MalformedRowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with a detail a client can act on;
 * never a stack trace. Spring MVC's own exceptions keep their status; an unexpected failure is a
 * 500 whose stack trace goes to the log only.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    /**
     * Jackson has no exception type of its own for these two (spring.jackson.* in
     * application-serve.properties turns them on); its message names the field, or the position.
     */
    private static final String DUPLICATE_FIELD = "Duplicate field ";
    private static final String TRAILING_TOKEN = "Trailing token";

    /** A transaction field that breaks the input rules; the SPEC.md reason code goes along. */
    @ExceptionHandler(MalformedRowException.class)
    ProblemDetail invalidField(MalformedRowException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()
                + "; nothing was written");
        problem.setTitle("Invalid transaction");
        problem.setProperty("reason", e.reason().code());
        return problem;
    }

    @ExceptionHandler(LedgerWriteFailedException.class)
    ProblemDetail writeFailed(LedgerWriteFailedException e) {
        log.error("{}", e.getMessage(), e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed to answer (" + e.getClass().getSimpleName() + "); the server log has the details");
    }

    /** Spring's default says only "Failed to read request"; say what is wrong with the body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadable(e) + "; nothing was written");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof StreamReadException syntax) {
            String message = syntax.getOriginalMessage();
            return message.startsWith(DUPLICATE_FIELD)
                    ? "the field " + message.substring(DUPLICATE_FIELD.length()) + " is given more than once" + at(syntax)
                    : "the body is not valid JSON: " + withoutSource(message) + at(syntax);
        }
        if (e.getCause() instanceof MismatchedInputException trailing
                && trailing.getOriginalMessage().startsWith(TRAILING_TOKEN)) {
            return "the body must be one transaction object, and nothing after it: more follows" + at(trailing);
        }
        if (e.getCause() instanceof DatabindException shape) {
            return "the body is not a transaction: expected a JSON object with type, client, tx and amount"
                    + at(shape);
        }
        return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "the request has no body" : "the body cannot be read";
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Jackson names where a construct began as "[Source: ...; line: 1, column: 1]": noise for a client. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source: [^]]*]\\)", "")
                .replaceAll("\\s*at \\[Source: [^]]*]", "");
    }
}

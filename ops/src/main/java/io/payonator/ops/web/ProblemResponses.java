package io.payonator.ops.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.payonator.command.intake.MalformedRowException;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.io.IOException;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with a detail a client can act on;
 * never a stack trace. Spring MVC's own exceptions keep their status; an unexpected failure is a
 * 500 logged as one line with the request id (the same id the client got in {@code X-Request-Id}
 * and the problem's {@code requestId}), its stack trace at DEBUG. The media type is set, not
 * negotiated: a client that accepts only {@code text/csv} gets its 406 as a problem too.
 * Values a client sent are repeated in a detail only cut short ({@link Problems#cutEchoes}).
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
    ResponseEntity<Object> invalidField(MalformedRowException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                Problems.cutEchoes(e.getMessage()) + "; nothing was written");
        problem.setTitle("Invalid transaction");
        problem.setProperty("reason", e.reason().code());
        return answer(problem);
    }

    @ExceptionHandler(LedgerWriteFailedException.class)
    ResponseEntity<Object> writeFailed(LedgerWriteFailedException e) {
        return failed(e, e.getMessage());
    }

    /** The body broke a limit of {@link RequestBodyLimits} while the controller read it (CSV). */
    @ExceptionHandler({RequestBodyLimits.BodyTooLargeException.class, RequestBodyLimits.BodyTimeoutException.class,
            RequestBodyLimits.BodyReadersBusyException.class})
    ResponseEntity<Object> bodyLimit(IOException e) {
        return limitAnswer(e);
    }

    /**
     * Reading the body failed in Tomcat: it waited too long for a byte (408), or the client went
     * away, and there is no one to answer. Neither is the service's failure: one line at DEBUG.
     */
    @ExceptionHandler(ClientAbortException.class)
    ResponseEntity<Object> clientAborted(ClientAbortException e) {
        IOException limit = RequestBodyLimits.limitIn(e);
        log.debug("request {}: the client's body stopped: {}", RequestTrail.currentId(), e.getMessage(), e);
        return limit == null ? null : limitAnswer(limit);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        return failed(e, "the service failed to answer (" + e.getClass().getSimpleName()
                + "); the server log has the details under the request id");
    }

    /** Spring's default says only "Failed to read request"; say what is wrong with the body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        IOException limit = RequestBodyLimits.limitIn(e);
        if (limit != null) {
            return limitAnswer(limit);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                Problems.cutEchoes(unreadable(e)) + "; nothing was written");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Every answer of the base class comes through here: its media type is set, never negotiated. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    /** A body limit's answer; the rest of the body is not read, so the connection is closed. */
    private static ResponseEntity<Object> limitAnswer(IOException limit) {
        if (limit instanceof RequestBodyLimits.BodyReadersBusyException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    limit.getMessage() + "; nothing was written");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONNECTION, "close")
                    .header(HttpHeaders.RETRY_AFTER, RequestBodyLimits.RETRY_AFTER_SECONDS).body(problem);
        }
        HttpStatus status = limit instanceof RequestBodyLimits.BodyTooLargeException
                ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.REQUEST_TIMEOUT;
        return answer(ProblemDetail.forStatusAndDetail(status, limit.getMessage() + "; nothing was written"));
    }

    /** One line with the request id; the stack trace at DEBUG. */
    private static ResponseEntity<Object> failed(Exception e, String detail) {
        String id = RequestTrail.currentId();
        log.error("request {} failed: {}", id, e.toString());
        log.debug("request {} failed", id, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, detail);
        problem.setProperty("requestId", id);
        return answer(problem);
    }

    /**
     * Spring's own refusals (415, 405, 406, …) are written before the body is read, and the
     * connection is then closed unread ({@link UnreadBodyValve}): the answer says so, or a client
     * would send its next request on a connection that is gone.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet && RequestBodies.announced(servlet)) {
            headers.set(HttpHeaders.CONNECTION, "close");
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.PAYLOAD_TOO_LARGE.value()
                || problem.getStatus() == HttpStatus.REQUEST_TIMEOUT.value()) {
            // the rest of the body is not read: the connection cannot carry another request
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(problem);
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
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return "the field '" + unknown.getPropertyName() + "' is not one of type, client, tx and amount"
                    + at(unknown);
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

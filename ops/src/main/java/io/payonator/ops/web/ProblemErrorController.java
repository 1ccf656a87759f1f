package io.payonator.ops.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's {@code /error}, where Tomcat sends the errors it finds itself (a 404 for
 * {@code /META-INF/...}, a 408, a refused form), as {@code application/problem+json} like every
 * other error, whatever the request accepts. In place of Boot's {@code BasicErrorController}, whose
 * JSON is of another shape, and which answered {@code GET /error} itself with status 999.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "there is nothing at this path; /v3/api-docs lists the service's endpoints";
            case REQUEST_TIMEOUT -> "the request did not arrive in time";
            case PAYLOAD_TOO_LARGE -> "the request body is too large";
            default -> status.is5xxServerError() ? "the service failed to answer; the server log has the details"
                    : "the server refused the request: " + status.getReasonPhrase();
        };
    }
}

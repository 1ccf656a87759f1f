package io.payonator.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters.FailReason;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a read whose query string Tomcat cannot parse (a %-escape that is not two hex digits, a
 * parameter without a name): Tomcat drops such a parameter and only notes it, so {@code page=%ZZ}
 * would be answered as the default page instead of as a mistake. Also a parameter given twice
 * ({@code size=1&size=100000000}: Spring keeps the first) or given empty ({@code size=}: Spring
 * takes the default), which are ambiguous in the same way.
 */
final class QueryStringCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getQueryString() != null && (HttpMethod.GET.matches(request.getMethod())
                || HttpMethod.HEAD.matches(request.getMethod()))) {
            // Tomcat parses the parameters when first asked for them (of a GET: only the query string)
            request.getParameterMap();
            if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
                throw Problems.of(HttpStatus.BAD_REQUEST, "the query string cannot be read: "
                        + why(request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR)));
            }
            request.getParameterMap().forEach(QueryStringCheck::givenOnceWithAValue);
        }
        return true;
    }

    private static void givenOnceWithAValue(String name, String[] values) {
        if (values.length > 1) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "the query parameter " + Problems.echo(name) + " is given "
                    + values.length + " times; give it once");
        }
        if (values[0].isEmpty()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "the query parameter " + Problems.echo(name) + " has no value");
        }
    }

    private static String why(Object reason) {
        if (reason == FailReason.URL_DECODING) {
            return "a %-escape is not % and two hex digits, or the bytes are not UTF-8";
        }
        if (reason == FailReason.NO_NAME) {
            return "a parameter has a value but no name";
        }
        return "Tomcat says " + reason;
    }
}

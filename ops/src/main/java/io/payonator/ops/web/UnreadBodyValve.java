package io.payonator.ops.web;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes the connection of a request answered without reading all of its body, instead of letting
 * Tomcat read ("swallow") the rest to keep the connection for another request. A refused request
 * (401, 413, a 503 of the body limits) and a read that ignores a body would otherwise hold a worker
 * thread for as long as the client takes to send a body it announced: a megabyte at a byte every
 * few seconds is days. Tomcat's own {@code maxSwallowSize} bounds the bytes, not the time.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (!bodyFullyRead(request)) {
                // Tomcat then closes the connection once the answer is written, and reads no more of it
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

    private static boolean bodyFullyRead(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return fullyRead.get();
    }
}

package io.payonator.ops.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code token} field of a sign-in form ({@code application/x-www-form-urlencoded}), read from
 * the request's body stream, which the service's body limits guard (size, deadline). Not through
 * {@code getParameter}: Tomcat would read the form itself, a byte at a time if the client sends it
 * so, with no deadline.
 */
final class SignInForm {

    static final int MAX_BYTES = 4096;
    private static final String FIELD = "token=";

    private SignInForm() {
    }

    /** The form's token, or {@code null} when the body is no form or has none. */
    static String token(HttpServletRequest request) throws IOException {
        if (!isForm(request.getContentType())) {
            return null;
        }
        InputStream body = request.getInputStream();
        byte[] form = body.readNBytes(MAX_BYTES + 1);
        if (form.length > MAX_BYTES) {
            return null;
        }
        for (String field : new String(form, StandardCharsets.US_ASCII).split("&")) {
            if (field.startsWith(FIELD)) {
                return decoded(field.substring(FIELD.length()));
            }
        }
        return null;
    }

    private static boolean isForm(String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A value whose %-escapes do not decode is no token: the sign-in then answers 401. */
    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}

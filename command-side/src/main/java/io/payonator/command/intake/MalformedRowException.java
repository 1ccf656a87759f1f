package io.payonator.command.intake;

import io.payonator.api.RejectionReason;

/**
 * A row that breaks SPEC.md's input rules: {@code malformed} or {@code invalid_amount}, with the
 * detail why. The detail quotes the offending field, which may hold any character a file can: control
 * characters (NUL among them, which PostgreSQL's text refuses) and lone surrogates are written as
 * a backslash, {@code u} and four hex digits, so the detail stores and prints the same everywhere.
 */
public class MalformedRowException extends Exception {

    private final RejectionReason reason;

    public MalformedRowException(RejectionReason reason, String detail) {
        super(printable(detail), null, false, false);
        this.reason = reason;
    }

    static String printable(String detail) {
        StringBuilder shown = null;
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            boolean escape = Character.isISOControl(c) || Character.isSurrogate(c) && !pairedAt(detail, i);
            if (escape && shown == null) {
                shown = new StringBuilder(detail.length() + 16).append(detail, 0, i);
            }
            if (escape) {
                shown.append(String.format("\\u%04X", (int) c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? detail : shown.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    public RejectionReason reason() {
        return reason;
    }
}

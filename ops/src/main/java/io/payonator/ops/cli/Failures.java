package io.payonator.ops.cli;

/**
 * A failure as one line for the operator. The ledger's own exceptions say what failed and where in
 * words meant for the operator; a framework's say it at length over many lines, so the first of
 * ours in the chain of causes is taken, or else the innermost cause.
 */
final class Failures {

    private static final String OWN_PACKAGES = "io.payonator.";

    private Failures() {
    }

    static String oneLine(Throwable failure) {
        Throwable own = firstOwn(failure);
        if (own != null && own.getMessage() != null) {
            return firstLine(own.getMessage());
        }
        Throwable root = rootCause(failure);
        String message = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
        return "unexpected failure: " + root.getClass().getSimpleName() + message
                + " (--debug shows the stack trace)";
    }

    private static Throwable firstOwn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith(OWN_PACKAGES)) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}

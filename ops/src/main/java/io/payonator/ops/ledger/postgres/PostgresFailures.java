package io.payonator.ops.ledger.postgres;

import java.sql.SQLException;
import java.util.Map;

/** What a PostgreSQL error means for an operator, by its SQLSTATE: worth retrying, or a condition to name plainly. */
final class PostgresFailures {

    /** Plain words for the SQLSTATEs an operator can act on (classes where the whole class means one thing). */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("28P01", "authentication failed: wrong user name or password"),
            Map.entry("28000", "the server does not let this user in"),
            Map.entry("3D000", "the database does not exist"),
            Map.entry("08", "cannot reach the PostgreSQL server, or the connection to it was lost"),
            Map.entry("57P01", "the PostgreSQL server is shutting down"),
            Map.entry("57P02", "the PostgreSQL server is shutting down"),
            Map.entry("57P03", "the PostgreSQL server is not accepting connections yet"),
            Map.entry("53100", "the disk holding the database is full"),
            Map.entry("53300", "the PostgreSQL server has no connection left for this user"),
            Map.entry("42501", "the database user lacks a privilege the ledger needs"),
            Map.entry("25006", "the database is read-only"));

    private PostgresFailures() {
    }

    /** Whether the failure comes from the database (or the way to it) at all. */
    static boolean isDatabaseFailure(Throwable failure) {
        return sqlCause(failure) != null;
    }

    /** A plain statement of what went wrong, with the server's own words. */
    static String describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return failure.getMessage();
        }
        String state = sql.getSQLState();
        String meaning = state == null ? null
                : MEANINGS.getOrDefault(state, MEANINGS.get(state.substring(0, Math.min(2, state.length()))));
        String detail = "SQLSTATE " + state + ": " + firstLine(sql.getMessage());
        return meaning == null ? detail : meaning + " (" + detail + ")";
    }

    /** Whether an SQL error in the chain of causes has this SQLSTATE. */
    static boolean hasState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The deepest SQL error with a state in the chain of causes, else the first SQL error. */
    private static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (found == null || sql.getSQLState() != null)) {
                found = sql;
            }
        }
        return found;
    }
}

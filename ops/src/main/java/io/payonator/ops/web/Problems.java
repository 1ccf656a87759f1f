package io.payonator.ops.web;

import io.payonator.api.query.Paging;
import io.payonator.command.intake.TransactionIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own 4xx answers, as {@code application/problem+json}, and the grammar of the
 * numbers in paths and query strings: the one the CSV and JSON intake use for ids (plain decimal
 * digits, leading zeros allowed, within range). Spring's own conversion would also take {@code 0x1},
 * {@code +1}, {@code #1} or {@code " 1"}, so every number is taken as text and read here.
 */
final class Problems {

    /** How much of a value a detail repeats: enough to recognise it, never a client's whole body. */
    static final int ECHO_LIMIT = 32;
    /** A bound on any detail, in case a value is not quoted. */
    private static final int DETAIL_LIMIT = 400;
    private static final Pattern QUOTED = Pattern.compile("'([^']{" + (ECHO_LIMIT + 1) + ",})'");

    private Problems() {
    }

    static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static int client(String text) {
        return (int) number("client", text, TransactionIntake.MAX_CLIENT);
    }

    static long tx(String text) {
        return number("tx", text, TransactionIntake.MAX_TX);
    }

    static int page(String text) {
        return (int) number("page", text, Integer.MAX_VALUE);
    }

    static int size(String text) {
        int size = (int) number("size", text, Paging.MAX_SIZE);
        if (size < 1) {
            throw of(HttpStatus.BAD_REQUEST, "size must be 1.." + Paging.MAX_SIZE + ", was " + size);
        }
        return size;
    }

    /** A plain unsigned decimal integer within {@code 0..max}, as {@code TransactionIntake} reads ids. */
    static long number(String name, String text, long max) {
        if (text.isEmpty()) {
            throw of(HttpStatus.BAD_REQUEST, name + " is empty");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw of(HttpStatus.BAD_REQUEST, name + " '" + echo(text) + "' is not an unsigned integer: only the"
                        + " digits 0-9");
            }
            value = value * 10 + (c - '0');
            if (value > max) {
                throw of(HttpStatus.BAD_REQUEST, name + " '" + echo(text) + "' is out of range 0.." + max);
            }
        }
        return value;
    }

    /** At most {@value #ECHO_LIMIT} characters of a value a client sent, and how long it was if cut. */
    static String echo(String value) {
        return value.length() <= ECHO_LIMIT ? value
                : value.substring(0, ECHO_LIMIT) + "...(" + value.length() + " characters)";
    }

    /**
     * A detail written elsewhere (the intake's, Jackson's) with every quoted value in it cut by
     * {@link #echo}: they quote what they refuse in full, however long.
     */
    static String cutEchoes(String detail) {
        Matcher quoted = QUOTED.matcher(detail);
        StringBuilder cut = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(cut, Matcher.quoteReplacement("'" + echo(quoted.group(1)) + "'"));
        }
        quoted.appendTail(cut);
        return cut.length() <= DETAIL_LIMIT ? cut.toString() : cut.substring(0, DETAIL_LIMIT) + "...";
    }
}

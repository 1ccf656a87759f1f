package io.payonator.api;

/** Query: every malformed or rejected row, ordered by source and line. Answered with {@link RejectedRow}s. */
public record FindRejectedRows() {
}

package io.payonator.api.query;

/**
 * Query: one client's account as of {@code point}, after exactly the events at positions up to it.
 * Answered with an {@link AccountAsOf}, or nothing when the account was not open then.
 */
public record FindAccountAsOf(int client, Point point) {
}

package io.payonator.api.event;

/** The first well-formed row naming this client was seen: the account exists from now on (SPEC.md step 1). */
public record AccountOpened(int client) {
}

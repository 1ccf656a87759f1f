package io.payonator.ops.web.security;

/** One line of a tokens file: a role and the slow hash of its token. */
public record StoredToken(Grant grant, String hash) {
}

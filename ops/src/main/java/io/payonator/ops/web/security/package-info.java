/**
 * Who may do what in {@code payonator serve}: bearer tokens with a role ({@link
 * io.payonator.ops.web.security.Role}: read, write, admin), checked by Spring Security on every
 * request; a browser's session signed in with such a token; and the throttle on wrong tokens. The
 * rest of the service never sees a token, only the role it grants.
 */
package io.payonator.ops.web.security;

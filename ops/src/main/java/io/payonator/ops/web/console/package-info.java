/**
 * The operator console: HTML pages served by {@code payonator serve} at {@code /} (accounts, a
 * client with its history and balances as of any point, rejected rows, status and replay),
 * rendered on the server with Thymeleaf so that every table works without script; a small script
 * only keeps them live. Its pages are reads, guarded like the REST reads (see
 * {@code SecurityConfiguration}); the replay button sends the admin token the operator types.
 */
package io.payonator.ops.web.console;

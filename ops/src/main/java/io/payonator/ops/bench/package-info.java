/**
 * The {@code bench} command: import, projection and replay rates measured against a floor taken in the same
 * run.
 */
package io.payonator.ops.bench;

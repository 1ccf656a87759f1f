/**
 * The command side: the {@code Client} aggregate, where every rule of SPEC.md lives once, and the repository,
 * cache and snapshotter that load it.
 */
package io.payonator.command;

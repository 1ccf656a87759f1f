/**
 * Events the {@code Client} aggregate emits and the event store keeps: what happened to an account, and the
 * rows it rejected. Their stored names are part of every ledger on disk, so a rename needs an alias in the
 * event serializer.
 */
package io.payonator.api.event;

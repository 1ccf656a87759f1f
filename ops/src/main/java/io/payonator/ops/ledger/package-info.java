/**
 * What every storage backend shares: the Spring and Axon wiring of a ledger, the event storage engine, the
 * projection's processor and the replay. It asks {@link io.payonator.ops.ledger.StorageBackend} for the few
 * differences and names no backend itself.
 */
package io.payonator.ops.ledger;

package io.payonator.ops.ledger;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message identifiers made of a random per-process prefix and a counter: unique like Axon's random
 * UUIDs, but without a secure random draw per message, and in increasing order within a process,
 * so the event store's unique index on them grows at one end instead of at random places.
 * Registered through {@code META-INF/services}, as Axon looks it up.
 */
public final class SequentialIdentifierFactory extends IdentifierFactory {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public SequentialIdentifierFactory() {
        byte[] random = new byte[10];
        new SecureRandom().nextBytes(random);
        prefix = HexFormat.of().formatHex(random) + "-";
    }

    @Override
    public String generateIdentifier() {
        String count = Long.toHexString(counter.incrementAndGet());
        return prefix + "0".repeat(16 - count.length()) + count;
    }
}

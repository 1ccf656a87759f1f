package io.payonator.ops.web.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The service's tokens: the single admin token of {@code --token} (or {@code PAYONATOR_TOKEN}), and
 * the hashed ones of a tokens file or {@code PAYONATOR_TOKENS}.
 *
 * <p>Every comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, of equal lengths,
 * in constant time: how long it takes says nothing about the tokens. A slow hash costs tens of
 * milliseconds by design, too much for every request: once a presented token has matched an
 * entry, the entry remembers its digest, and later requests compare digests only. That memory
 * holds one digest per entry, so no client can make it grow.
 */
final class Tokens {

    static final String SHORTCUT_LABEL = "--token";

    private final byte[] shortcut;
    private final List<StoredToken> stored;
    private final AtomicReferenceArray<byte[]> verified;
    private final PasswordEncoder hashes = TokenHashes.encoder();

    /** @param shortcut the admin token in clear, or {@code null} */
    Tokens(String shortcut, List<StoredToken> stored) {
        this.shortcut = shortcut == null || shortcut.isBlank() ? null : sha256(shortcut);
        this.stored = List.copyOf(stored);
        this.verified = new AtomicReferenceArray<>(this.stored.size());
        if (this.shortcut == null && this.stored.isEmpty()) {
            throw new IllegalArgumentException("the service needs at least one token: --token, --tokens FILE or"
                    + " PAYONATOR_TOKENS");
        }
    }

    Optional<Grant> verify(String presented) {
        byte[] digest = sha256(presented);
        Optional<Grant> known = known(digest);
        return known.isPresent() ? known : slowlyVerified(presented, digest);
    }

    /** Compares with every known digest, found or not, so that the time taken does not depend on which matched. */
    private Optional<Grant> known(byte[] digest) {
        Grant found = shortcut != null && MessageDigest.isEqual(shortcut, digest)
                ? new Grant(Role.ADMIN, SHORTCUT_LABEL) : null;
        for (int i = 0; i < stored.size(); i++) {
            byte[] entry = verified.get(i);
            if (entry != null && MessageDigest.isEqual(entry, digest) && found == null) {
                found = stored.get(i).grant();
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<Grant> slowlyVerified(String presented, byte[] digest) {
        for (int i = 0; i < stored.size(); i++) {
            if (hashes.matches(presented, stored.get(i).hash())) {
                verified.set(i, digest);
                return Optional.of(stored.get(i).grant());
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

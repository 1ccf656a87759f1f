package io.payonator.ops.cluster;

import org.jgroups.Message;
import org.jgroups.auth.AuthToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * JGroups' {@code AUTH} token of a payonator cluster: the members' shared secret never travels;
 * a join or merge request carries the time it was sent and an HMAC-SHA256 of that time under the
 * secret. A member admits a request whose HMAC matches and whose time is within
 * {@link #MAX_SKEW_MILLIS} of its own clock, so a request overheard cannot be replayed later.
 * JGroups creates the received token with the no-argument constructor; only the local token holds
 * the secret.
 */
public final class SharedSecretToken extends AuthToken {

    static final long MAX_SKEW_MILLIS = 60_000;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_LENGTH = 32;

    private final byte[] key;
    private long sentAt;
    private byte[] mac = new byte[MAC_LENGTH];

    /** For JGroups, which reads a received token into a new instance. */
    public SharedSecretToken() {
        this.key = null;
    }

    SharedSecretToken(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getName() {
        return getClass().getName();
    }

    @Override
    public int size() {
        return Long.BYTES + MAC_LENGTH;
    }

    @Override
    public boolean authenticate(AuthToken token, Message message) {
        if (key == null || !(token instanceof SharedSecretToken received)) {
            return false;
        }
        if (Math.abs(System.currentTimeMillis() - received.sentAt) > MAX_SKEW_MILLIS) {
            return false;
        }
        return MessageDigest.isEqual(mac(received.sentAt), received.mac);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        long now = System.currentTimeMillis();
        out.writeLong(now);
        out.write(key == null ? new byte[MAC_LENGTH] : mac(now));
    }

    @Override
    public void readFrom(DataInput in) throws IOException {
        sentAt = in.readLong();
        mac = new byte[MAC_LENGTH];
        in.readFully(mac);
    }

    private byte[] mac(long time) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(new SecretKeySpec(key, ALGORITHM));
            hmac.update("payonator-cluster-join".getBytes(StandardCharsets.US_ASCII));
            return hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(time).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SharedSecretToken";
    }
}

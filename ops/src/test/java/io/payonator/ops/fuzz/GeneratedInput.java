package io.payonator.ops.fuzz;

import java.io.InputStream;
import java.util.Arrays;

/**
 * An input of any size that is never held in memory: a prefix, then {@code fillLength} digits
 * (one endless field), then a suffix. For lines far longer than any heap.
 */
public final class GeneratedInput extends InputStream {

    private final byte[] prefix;
    private final long fillLength;
    private final byte[] suffix;
    private long position;

    public GeneratedInput(byte[] prefix, long fillLength, byte[] suffix) {
        this.prefix = prefix.clone();
        this.fillLength = fillLength;
        this.suffix = suffix.clone();
    }

    public long length() {
        return prefix.length + fillLength + suffix.length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= length()) {
            return -1;
        }
        int count = 0;
        while (count < length && position < length()) {
            int run = (int) Math.min(length - count, runLeft());
            fill(buffer, offset + count, run);
            count += run;
            position += run;
        }
        return count;
    }

    /** Bytes left in the part (prefix, fill or suffix) where the position is. */
    private long runLeft() {
        if (position < prefix.length) {
            return prefix.length - position;
        }
        if (position < prefix.length + fillLength) {
            return prefix.length + fillLength - position;
        }
        return length() - position;
    }

    private void fill(byte[] buffer, int offset, int run) {
        if (position < prefix.length) {
            System.arraycopy(prefix, (int) position, buffer, offset, run);
        } else if (position < prefix.length + fillLength) {
            Arrays.fill(buffer, offset, offset + run, (byte) '9');
        } else {
            System.arraycopy(suffix, (int) (position - prefix.length - fillLength), buffer, offset, run);
        }
    }
}

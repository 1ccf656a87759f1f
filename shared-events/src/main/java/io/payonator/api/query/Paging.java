package io.payonator.api.query;

/** The limits every paged query shares. */
public final class Paging {

    /** One page may hold every account there can be (client ids are 0..65535). */
    public static final int MAX_SIZE = 65_536;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", was " + size);
        }
    }

    /** The offset of the page's first row; a long, as page * size may not fit an int. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}

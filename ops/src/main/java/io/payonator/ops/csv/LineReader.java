package io.payonator.ops.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines ended by LF, CRLF or a lone CR, as {@link java.io.BufferedReader#readLine}
 * does, but keeps at most {@code maxLength} characters of a line: the rest of a longer line is read
 * past without being kept, so a hostile input with a line of gigabytes cannot exhaust the heap.
 */
final class LineReader implements Closeable {

    /** One line: its text, or {@link #TOO_LONG} for a line that had more than the limit. */
    record Line(String text) {

        /** A longer line that is not only spaces and tabs; its text was not kept. */
        static final Line TOO_LONG = new Line(null);

        /** A longer line of only spaces and tabs is as empty as a short one. */
        private static final Line BLANK = new Line("");

        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private final char[] line;
    private int position;
    private int end;
    private boolean skipLineFeed;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.line = new char[maxLength];
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        boolean started = false;
        boolean tooLong = false;
        boolean blank = true;
        while (position < end || fill()) {
            if (skipLineFeed) {
                // the LF of a CRLF whose CR ended the previous line
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (tooLong) {
                blank = blank && isBlank(buffer, start, position);
            } else if (length + position - start <= line.length) {
                System.arraycopy(buffer, start, line, length, position - start);
                length += position - start;
            } else {
                tooLong = true;
                blank = isBlank(line, 0, length) && isBlank(buffer, start, position);
            }
            if (position < end) {
                skipLineFeed = buffer[position++] == '\r';
                return finish(length, tooLong, blank);
            }
        }
        return started ? finish(length, tooLong, blank) : null;
    }

    private Line finish(int length, boolean tooLong, boolean blank) {
        if (!tooLong) {
            return new Line(new String(line, 0, length));
        }
        return blank ? Line.BLANK : Line.TOO_LONG;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }

    private static boolean isBlank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] != ' ' && chars[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

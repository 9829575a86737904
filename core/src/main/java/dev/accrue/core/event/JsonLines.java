package dev.accrue.core.event;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Splits JSON-lines input into lines without making a String of each: a line is handed over as a range of a
 * reused buffer, which the JSON parser reads in place. Blank lines are skipped (their numbers still count),
 * {@code \r\n} endings and a leading byte-order mark are accepted, and a line longer than
 * {@link #LINE_LENGTH_MAX} is reported and skipped without being held in memory.
 */
public final class JsonLines {
    /** Characters in one line: an event or a partner is a few hundred; this leaves room for big data maps. */
    public static final int LINE_LENGTH_MAX = 64 * 1024;
    private static final int READ_CHUNK_CHARS = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Receives each non-blank line; the range is valid only during the call. */
    @FunctionalInterface
    public interface LineHandler {
        void line(char[] chars, int offset, int length, long lineNumber);
    }

    /** Receives the number of each line that was longer than {@link #LINE_LENGTH_MAX}. */
    @FunctionalInterface
    public interface OverlongHandler {
        void overlong(long lineNumber);
    }

    private JsonLines() {}

    /**
     * Reads {@code reader} to its end, calling {@code lines} for each non-blank line in order.
     *
     * @return the number of lines read, blank and overlong ones included
     * @throws UncheckedIOException when the reader fails; bad content is never an exception
     */
    public static long forEach(Reader reader, LineHandler lines, OverlongHandler overlong) {
        char[] buffer = new char[LINE_LENGTH_MAX + READ_CHUNK_CHARS];
        int start = 0;       // first char of the current line
        int end = 0;         // end of valid data
        int scanned = 0;     // chars before this hold no line end
        long lineNumber = 1;
        boolean skipping = false;  // inside an overlong line, discarding up to its end
        boolean first = true;
        try {
            while (true) {
                int newline = -1;
                for (int i = scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                if (newline >= 0) {
                    if (!skipping) {
                        if (first && start < newline && buffer[start] == BYTE_ORDER_MARK) start++;
                        if (newline - start > LINE_LENGTH_MAX) overlong.overlong(lineNumber);
                        else emit(buffer, start, newline, lineNumber, lines);
                    }
                    first = false;
                    skipping = false;
                    lineNumber++;
                    start = newline + 1;
                    scanned = start;
                    continue;
                }
                scanned = end;
                if (!skipping && end - start > LINE_LENGTH_MAX) {
                    overlong.overlong(lineNumber);
                    skipping = true;
                }
                if (skipping) {
                    start = 0;
                    end = 0;
                    scanned = 0;
                } else if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    scanned = end;
                    start = 0;
                }
                int read = reader.read(buffer, end, buffer.length - end);
                if (read < 0) break;
                end += read;
            }
            if (!skipping && start < end) {
                if (first && buffer[start] == BYTE_ORDER_MARK) start++;
                emit(buffer, start, end, lineNumber, lines);
                return lineNumber;
            }
            return start < end || skipping ? lineNumber : lineNumber - 1;
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + lineNumber, e);
        }
    }

    private static void emit(char[] buffer, int start, int newline, long lineNumber, LineHandler lines) {
        int lineEnd = newline;
        if (lineEnd > start && buffer[lineEnd - 1] == '\r') lineEnd--;
        if (isBlank(buffer, start, lineEnd)) return;
        lines.line(buffer, start, lineEnd - start, lineNumber);
    }

    private static boolean isBlank(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }
}

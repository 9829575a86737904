package dev.accrue.core.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link JsonLines} for UTF-8 bytes: splits a stream into lines handed over as ranges of a reused byte
 * buffer, which Jackson's byte parser reads in place with no decoding to chars first. For a file this is
 * the faster path (about a tenth of a parse's time is char decoding and the char parser's slower name
 * lookup). A newline byte never occurs inside a UTF-8 multi-byte sequence, so splitting bytes is safe. Same
 * rules as JsonLines: blank lines skipped but counted, {@code \r\n} accepted, a leading byte-order mark
 * dropped, a line over {@link JsonLines#LINE_LENGTH_MAX} bytes reported and skipped.
 */
public final class Utf8Lines {
    private static final int READ_CHUNK_BYTES = 64 * 1024;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Receives each non-blank line; the range is valid only during the call. */
    @FunctionalInterface
    public interface LineHandler {
        void line(byte[] bytes, int offset, int length, long lineNumber);
    }

    private Utf8Lines() {}

    /**
     * Reads {@code input} to its end, calling {@code lines} for each non-blank line in order.
     *
     * @return the number of lines read, blank and overlong ones included
     * @throws UncheckedIOException when the stream fails; bad content is never an exception
     */
    public static long forEach(InputStream input, LineHandler lines, JsonLines.OverlongHandler overlong) {
        byte[] buffer = new byte[JsonLines.LINE_LENGTH_MAX + READ_CHUNK_BYTES];
        int start = 0;
        int end = 0;
        int scanned = 0;
        long lineNumber = 1;
        boolean skipping = false;
        boolean first = true;
        try {
            while (true) {
                int newline = indexOfNewline(buffer, scanned, end);
                if (newline >= 0) {
                    if (!skipping) {
                        if (first) start = afterByteOrderMark(buffer, start, newline);
                        if (newline - start > JsonLines.LINE_LENGTH_MAX) overlong.overlong(lineNumber);
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
                if (!skipping && end - start > JsonLines.LINE_LENGTH_MAX) {
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
                int read = input.read(buffer, end, buffer.length - end);
                if (read < 0) break;
                end += read;
            }
            if (!skipping && start < end) {
                if (first) start = afterByteOrderMark(buffer, start, end);
                emit(buffer, start, end, lineNumber, lines);
                return lineNumber;
            }
            return start < end || skipping ? lineNumber : lineNumber - 1;
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + lineNumber, e);
        }
    }

    /**
     * The index of the first {@code \n} in {@code [from, to)}, or -1. Looks at eight bytes at a time (the
     * classic "has a zero byte" test on the word XOR-ed with newlines), since scanning for line ends byte by
     * byte took a tenth of a parse.
     */
    static int indexOfNewline(byte[] buffer, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(buffer, i) ^ NEWLINES;
            long zeroBytes = (word - LOW_BITS) & ~word & HIGH_BITS;
            if (zeroBytes != 0) return i + Long.numberOfTrailingZeros(zeroBytes) / Byte.SIZE;
        }
        for (; i < to; i++) {
            if (buffer[i] == '\n') return i;
        }
        return -1;
    }

    private static int afterByteOrderMark(byte[] buffer, int start, int end) {
        if (end - start < BYTE_ORDER_MARK.length) return start;
        for (int i = 0; i < BYTE_ORDER_MARK.length; i++) {
            if (buffer[start + i] != BYTE_ORDER_MARK[i]) return start;
        }
        return start + BYTE_ORDER_MARK.length;
    }

    private static void emit(byte[] buffer, int start, int newline, long lineNumber, LineHandler lines) {
        int lineEnd = newline;
        if (lineEnd > start && buffer[lineEnd - 1] == '\r') lineEnd--;
        for (int i = start; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                lines.line(buffer, start, lineEnd - start, lineNumber);
                return;
            }
        }
    }
}

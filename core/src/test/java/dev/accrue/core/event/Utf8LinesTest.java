package dev.accrue.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {
    private final List<String> lines = new ArrayList<>();
    private final List<Long> overlong = new ArrayList<>();

    private long read(InputStream input) {
        return Utf8Lines.forEach(input, (bytes, offset, length, number) ->
                lines.add(number + ":" + new String(bytes, offset, length, StandardCharsets.UTF_8)), overlong::add);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handsOverEachLineWithItsNumberSkippingBlankOnesAndTheByteOrderMark() {
        long count = read(utf8("\uFEFFa\n\n  \nb\r\nc☕"));
        assertThat(lines).containsExactly("1:a", "4:b", "5:c☕");
        assertThat(count).isEqualTo(5);
    }

    @Test
    void reportsOverlongLinesAndResumesAtTheNext() {
        String longLine = "x".repeat(JsonLines.LINE_LENGTH_MAX * 3);
        read(utf8("a\n" + longLine + "\nb\n" + "y".repeat(JsonLines.LINE_LENGTH_MAX + 1) + "\nc\n" + longLine));
        assertThat(lines).containsExactly("1:a", "3:b", "5:c");
        assertThat(overlong).containsExactly(2L, 4L, 6L);
    }

    @Test
    void findsTheFirstNewlineWordAtATimeLikeAPlainScan() {
        long seed = 11L;
        java.util.Random random = new java.util.Random(seed);
        for (int trial = 0; trial < 10_000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (random.nextInt(8) == 0 ? '\n' : random.nextInt(256));
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) if (bytes[i] == '\n') expected = i;
            assertThat(Utf8Lines.indexOfNewline(bytes, from, to)).as("seed %d, trial %d", seed, trial).isEqualTo(expected);
        }
    }

    @Test
    void joinsLinesThatCrossReadBoundaries() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) text.append("line-").append(i).append('\n');
        InputStream trickle = new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 3));
            }
        };
        read(trickle);
        assertThat(lines).hasSize(1000);
        assertThat(lines.get(999)).isEqualTo("1000:line-999");
    }
}

package dev.accrue.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
    private final List<String> lines = new ArrayList<>();
    private final List<Long> overlong = new ArrayList<>();

    private long read(Reader reader) {
        return JsonLines.forEach(reader, (chars, offset, length, number) -> lines.add(number + ":" + new String(chars, offset, length)),
                overlong::add);
    }

    @Test
    void handsOverEachLineWithItsNumberSkippingBlankOnes() {
        long count = read(new StringReader("a\n\n  \nb\r\nc"));
        assertThat(lines).containsExactly("1:a", "4:b", "5:c");
        assertThat(count).isEqualTo(5);
    }

    @Test
    void countsAFinalNewlineAsTheEndOfTheLastLine() {
        assertThat(read(new StringReader("a\nb\n"))).isEqualTo(2);
        assertThat(lines).containsExactly("1:a", "2:b");
    }

    @Test
    void dropsALeadingByteOrderMark() {
        read(new StringReader("\uFEFF{}\n{}"));
        assertThat(lines).containsExactly("1:{}", "2:{}");
    }

    @Test
    void reportsAnOverlongLineAndResumesAtTheNext() {
        String longLine = "x".repeat(JsonLines.LINE_LENGTH_MAX * 3);
        read(new StringReader("a\n" + longLine + "\nb\n" + longLine));
        assertThat(lines).containsExactly("1:a", "3:b");
        assertThat(overlong).containsExactly(2L, 4L);
    }

    @Test
    void reportsALineJustOverTheLimitThatArrivedWithItsEnd() {
        read(new StringReader("y".repeat(JsonLines.LINE_LENGTH_MAX + 1) + "\nz\n" + "w".repeat(JsonLines.LINE_LENGTH_MAX)));
        assertThat(overlong).containsExactly(1L);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("2:z");
    }

    @Test
    void joinsLinesThatCrossReadBoundaries() {
        // A reader that hands out three characters at a time puts line ends in every position of a chunk.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) text.append("line-").append(i).append('\n');
        Reader trickle = new StringReader(text.toString()) {
            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                return super.read(buffer, offset, Math.min(length, 3));
            }
        };
        read(trickle);
        assertThat(lines).hasSize(1000);
        assertThat(lines.get(999)).isEqualTo("1000:line-999");
    }
}

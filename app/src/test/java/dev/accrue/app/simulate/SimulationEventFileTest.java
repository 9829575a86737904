package dev.accrue.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationEventFileTest {
    @TempDir
    Path dir;

    private static String line(int i) {
        return "{\"id\":\"e-%06d\",\"type\":\"sale\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"data\":{}}\n".formatted(i);
    }

    @Test
    void expectsAsManyEventsAsTheFileHasLinesOfItsFirstMegabytesLength() throws IOException {
        Path file = dir.resolve("events.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) text.append(line(i));
        Files.writeString(file, text);
        assertThat(new EventFile(file).expectedEvents()).as("every line the same length").isEqualTo(100_000);
    }

    @Test
    void aSmallOrEmptyFileIsExpectedToHoldFewEventsAndAMissingOneIsUnknown() throws IOException {
        Path small = dir.resolve("small.jsonl");
        Files.writeString(small, line(1) + line(2) + line(3));
        assertThat(new EventFile(small).expectedEvents()).isEqualTo(3);
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        assertThat(new EventFile(empty).expectedEvents()).isEqualTo(1);
        assertThat(new EventFile(dir.resolve("missing.jsonl")).expectedEvents()).isZero();
    }
}

package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SaleLineIndexTest {
    private static final String[] FAMILIES = {"pumps", "valves", null, "seals"};

    private final LineNumbers numbers = new LineNumbers();
    private final SaleLineIndex index = new SaleLineIndex();

    private void put(String lineId, SaleLine line) {
        index.put(numbers.number(lineId, true), line);
    }

    private SaleLine get(String lineId) {
        return index.get(numbers.number(lineId, false));
    }

    @Test
    void everyLineKeepsItsFamilyAndOneThatEarnedNothingOnlyThat() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        int lines = 300_000;
        for (int i = 0; i < lines; i++) {
            put("L-" + i, new SaleLine(FAMILIES[i % FAMILIES.length], at.plusSeconds(i), "p" + (i % 7)));
        }
        assertThat(index.size()).isEqualTo(lines);
        assertThat(index.kept()).isZero();
        for (int i = 0; i < lines; i += 11) {
            SaleLine line = get("L-" + i);
            assertThat(line).as("L-%d", i).isNotNull();
            assertThat(line.family).as("L-%d", i).isEqualTo(FAMILIES[i % FAMILIES.length]);
            assertThat(line.claims).isEmpty();
        }
        assertThat(get("L-" + lines)).isNull();
        assertThat(get(null)).isNull();
        assertThat(index.get(LineNumbers.NONE)).isNull();
    }

    @Test
    void tablesMadeForFewerLinesGrowPastThem() {
        LineNumbers sized = new LineNumbers(1_000);
        SaleLineIndex sizedIndex = new SaleLineIndex(1_000);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            sizedIndex.put(sized.number("L-" + i, true), new SaleLine(FAMILIES[i % FAMILIES.length], at.plusSeconds(i), "p1"));
        }
        assertThat(sized.size()).isEqualTo(5_000);
        assertThat(sizedIndex.size()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i += 13) {
            assertThat(sized.number("L-" + i, false)).isEqualTo(i);
            assertThat(sizedIndex.get(i).family).isEqualTo(FAMILIES[i % FAMILIES.length]);
        }
    }

    @Test
    void aLaterLineOfTheSameIdReplacesTheEarlier() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        put("L-1", new SaleLine("pumps", at, "p1"));
        put("L-1", new SaleLine("valves", at.plusSeconds(60), "p1"));
        assertThat(get("L-1").family).isEqualTo("valves");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aNumberGivenToALineNeverPutIsNoLine() {
        numbers.number("L-skipped", true); // read, but its event was set aside (an unknown partner)
        put("L-1", new SaleLine("pumps", Instant.parse("2026-01-01T00:00:00Z"), "p1"));
        assertThat(get("L-skipped")).isNull();
        assertThat(get("L-1")).isNotNull();
    }
}

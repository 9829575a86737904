package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SaleLineIndexTest {
    private static final String[] FAMILIES = {"pumps", "valves", null, "seals"};

    @Test
    void everyLineKeepsItsFamilyAfterItsClaimsAreLetGo() {
        SaleLineIndex index = new SaleLineIndex();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        int lines = 300_000;   // past the first pruning, which lets go of lines without claims
        for (int i = 0; i < lines; i++) {
            index.put("L-" + i, new SaleLine(FAMILIES[i % FAMILIES.length], at.plusSeconds(i), "p" + (i % 7)));
        }
        assertThat(index.size()).isEqualTo(lines);
        assertThat(index.kept()).isLessThan(lines);
        for (int i = 0; i < lines; i += 11) {
            SaleLine line = index.get("L-" + i);
            assertThat(line).as("L-%d", i).isNotNull();
            assertThat(line.family).as("L-%d", i).isEqualTo(FAMILIES[i % FAMILIES.length]);
            assertThat(line.claims).isEmpty();
        }
        assertThat(index.get("L-" + lines)).isNull();
        assertThat(index.get(null)).isNull();
    }

    @Test
    void theLinePutWhenPruningRunsIsKeptForTheClaimsItIsAboutToGet() {
        SaleLineIndex index = new SaleLineIndex();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        SaleLine last = null;
        for (int i = 0; i < 1 << 16; i++) { // the first pruning runs on the last of these puts
            last = new SaleLine("pumps", at.plusSeconds(i), "p1");
            index.put("L-" + i, last);
        }
        assertThat(index.kept()).isEqualTo(1);
        assertThat(index.get("L-" + ((1 << 16) - 1))).isSameAs(last);
        assertThat(index.get("L-0")).isNotSameAs(last).extracting(line -> line.family).isEqualTo("pumps");
    }

    @Test
    void aLaterLineOfTheSameIdReplacesTheEarlier() {
        SaleLineIndex index = new SaleLineIndex();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        index.put("L-1", new SaleLine("pumps", at, "p1"));
        SaleLine later = new SaleLine("valves", at.plusSeconds(60), "p1");
        index.put("L-1", later);
        assertThat(index.get("L-1")).isSameAs(later);
        assertThat(index.size()).isEqualTo(1);
    }
}

package dev.accrue.core.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelValuesTest {
    @Test
    void wholeNumbersBecomeLongsAndDecimalsDoubles() {
        assertThat(CelValues.of(3)).isEqualTo(3L);
        assertThat(CelValues.of(new BigDecimal("12.50"))).isEqualTo(12.5);
        assertThat(CelValues.of(1.5f)).isEqualTo(1.5);
    }

    @Test
    void nestedMapsAndListsAreConvertedThroughout() {
        Object converted = CelValues.of(Map.of("tiers", List.of(1, 2), "inner", Map.of(7, new BigDecimal("0.3"))));
        assertThat(converted).isEqualTo(Map.of("tiers", List.of(1L, 2L), "inner", Map.of("7", 0.3)));
    }

    @Test
    void datesBecomeIsoTextAndInstantsStayInstants() {
        assertThat(CelValues.of(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-01");
        Instant instant = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(CelValues.of(instant)).isSameAs(instant);
    }

    @Test
    void anUnsupportedTypeIsRefusedByName() {
        assertThatThrownBy(() -> CelValues.of(new Object())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}

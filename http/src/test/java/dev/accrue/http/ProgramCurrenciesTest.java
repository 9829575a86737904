package dev.accrue.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import dev.accrue.core.program.Effective;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramCurrenciesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Event saleAt(String instant) {
        return new Event("s-1", "sale", Instant.parse(instant), "dist-a", Map.of("currency", "USD"));
    }

    @Test
    void aProgramIsInForceFromTheStartOfItsFirstDayToTheEndOfItsLastInItsTimeZone() {
        ProgramCurrencies.Scope scope = ProgramCurrencies.Scope.of("rebate", 1, "USD",
                new Effective(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")), NEW_YORK, List.of("sale"));
        assertThat(scope.inForce(saleAt("2026-01-01T04:59:59Z"))).as("Dec 31, 23:59:59 in New York").isFalse();
        assertThat(scope.inForce(saleAt("2026-01-01T05:00:00Z"))).as("Jan 1, midnight (EST)").isTrue();
        assertThat(scope.inForce(saleAt("2026-04-01T03:59:59Z"))).as("Mar 31, 23:59:59 (EDT)").isTrue();
        assertThat(scope.inForce(saleAt("2026-04-01T04:00:00Z"))).as("Apr 1, midnight (EDT)").isFalse();
    }

    @Test
    void aProgramWithoutAnEndOrWithoutDatesIsInForceFromThenOn() {
        ProgramCurrencies.Scope open = ProgramCurrencies.Scope.of("rebate", 1, "USD",
                new Effective(LocalDate.parse("2026-01-01"), null), NEW_YORK, List.of("sale"));
        assertThat(open.inForce(saleAt("9999-12-31T12:00:00Z"))).isTrue();
        assertThat(open.inForce(saleAt("2025-12-31T12:00:00Z"))).isFalse();
        assertThat(ProgramCurrencies.Scope.of("rebate", 1, "USD", null, NEW_YORK, List.of("sale")).inForce(saleAt("0001-01-01T00:00:00Z"))).isTrue();
    }
}

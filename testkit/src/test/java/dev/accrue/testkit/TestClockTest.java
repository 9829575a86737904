package dev.accrue.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {
    @Test
    void standsStillUntilTheTestMovesIt() {
        TestClock clock = TestClock.at("2026-01-10T15:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-10T15:00:00Z").toEpochMilli());

        assertThat(clock.advance(Duration.ofDays(1))).isEqualTo(Instant.parse("2026-01-11T15:00:00Z"));
        clock.set("2026-01-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aViewInAnotherZoneSharesTheTime() {
        TestClock clock = TestClock.at("2026-01-10T15:00:00Z");
        TestClock chicago = clock.withZone(ZoneId.of("America/Chicago"));

        clock.advance(Duration.ofHours(1));

        assertThat(chicago.instant()).isEqualTo(Instant.parse("2026-01-10T16:00:00Z"));
        assertThat(chicago.getZone()).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void refusesToAdvanceBackwards() {
        assertThatThrownBy(() -> TestClock.at("2026-01-10T15:00:00Z").advance(Duration.ofSeconds(-1)))
                .hasMessageContaining("use set() to go back");
    }
}

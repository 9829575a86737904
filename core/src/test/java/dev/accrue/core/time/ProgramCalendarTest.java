package dev.accrue.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgramCalendarTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Singapore"), ZoneId.of("America/New_York"),
            ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("+05:45"));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theLocalDateOfAnInstantIsTheDateOfItsDateTimeInTheZone(long seed) {
        Random random = new Random(seed);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            // Half the instants near the turn of a day, where an offset decides the date.
            long second = i % 2 == 0 ? from + (long) (random.nextDouble() * (to - from))
                    : Instant.parse("2026-03-08T00:00:00Z").getEpochSecond() + random.nextInt(400) * 86_400L + random.nextInt(7_200) - 3_600;
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            LocalDate expected = instant.atZone(zone).toLocalDate();
            assertThat(new ProgramCalendar(PeriodKind.MONTH, zone).localDate(instant)).as("seed %d: %s in %s", seed, instant, zone).isEqualTo(expected);
        }
    }
}

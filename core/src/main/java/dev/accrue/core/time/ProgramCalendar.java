package dev.accrue.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** A program's periods in its time zone: which period an instant falls in, and where a period starts and ends. */
public record ProgramCalendar(PeriodKind periodKind, ZoneId zone) {
    public ProgramCalendar {
        Objects.requireNonNull(periodKind, "periodKind");
        Objects.requireNonNull(zone, "zone");
    }

    public PeriodId periodOf(Instant instant) {
        return PeriodId.containing(periodKind, localDate(instant));
    }

    public PeriodId periodOf(LocalDate date) {
        return PeriodId.containing(periodKind, date);
    }

    /** The date in the program's zone: the same as {@code instant.atZone(zone).toLocalDate()}, without the date-time on the way (the engine asks for every event). */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Instant start(PeriodId period) {
        return period.firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant endExclusive(PeriodId period) {
        return period.endExclusive().atStartOfDay(zone).toInstant();
    }

    /** Written out: the record's own are bound through method handles, and calendars are map keys looked up at every close. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProgramCalendar calendar && periodKind == calendar.periodKind && zone.equals(calendar.zone);
    }

    @Override
    public int hashCode() {
        return periodKind.ordinal() * 31 + zone.hashCode();
    }
}

package dev.accrue.core.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program period by name: {@code 2026-03} (month), {@code 2026-Q1} (quarter) or {@code 2026} (year).
 * {@code index} is the month (1..12), the quarter (1..4) or 1 for a year.
 */
public record PeriodId(PeriodKind kind, int year, int index) implements Comparable<PeriodId> {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public PeriodId {
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (index < 1 || index > max) throw new IllegalArgumentException("period index out of range: " + index);
    }

    public static PeriodId containing(PeriodKind kind, LocalDate date) {
        return switch (kind) {
            case MONTH -> new PeriodId(kind, date.getYear(), date.getMonthValue());
            case QUARTER -> new PeriodId(kind, date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case YEAR -> new PeriodId(kind, date.getYear(), 1);
        };
    }

    public static PeriodId parse(String text) {
        Matcher m;
        if ((m = QUARTER.matcher(text)).matches()) return new PeriodId(PeriodKind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if ((m = MONTH.matcher(text)).matches()) return new PeriodId(PeriodKind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if ((m = YEAR.matcher(text)).matches()) return new PeriodId(PeriodKind.YEAR, Integer.parseInt(m.group(1)), 1);
        throw new IllegalArgumentException("a period is written 2026-03, 2026-Q1 or 2026, got '" + text + "'");
    }

    /** The first day of the period (a local date in the program's time zone). */
    public LocalDate firstDay() {
        return LocalDate.of(year, (index - 1) * kind.monthsLong() + 1, 1);
    }

    /** The day after the period's last day. */
    public LocalDate endExclusive() {
        return firstDay().plusMonths(kind.monthsLong());
    }

    public LocalDate lastDay() {
        return endExclusive().minusDays(1);
    }

    public PeriodId previous() {
        return containing(kind, firstDay().minusDays(1));
    }

    public PeriodId next() {
        return containing(kind, endExclusive());
    }

    /** The same period a year earlier, the base of {@code period.growth}. */
    public PeriodId yearEarlier() {
        return new PeriodId(kind, year - 1, index);
    }

    @Override
    public int compareTo(PeriodId other) {
        if (kind != other.kind) throw new IllegalArgumentException("periods of different kinds: " + this + ", " + other);
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(index, other.index);
    }

    /**
     * Written out rather than left to the record: the generated ones are bound through method handles at run
     * time, and periods are map keys the engine looks up for every event.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PeriodId period && kind == period.kind && year == period.year && index == period.index;
    }

    @Override
    public int hashCode() {
        return (kind.ordinal() * 31 + year) * 31 + index;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index).toString();
            case QUARTER -> year + "-Q" + index;
            case YEAR -> Integer.toString(year);
        };
    }
}

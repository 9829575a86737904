package dev.accrue.testkit;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Spreads a count over a range of days: weekdays busier than weekends, the fourth quarter busier than
 * summer. A day's share is the difference of rounded-down cumulative shares, so the days add up to the
 * total exactly.
 */
final class DayWeights {
    private static final int[] MONTH_WEIGHTS = {9, 9, 10, 10, 10, 10, 9, 9, 10, 11, 12, 11};

    private final long firstDay;
    /** cumulative[i] = weight of the days before firstDay + i. */
    private final long[] cumulative;

    /** The days {@code [firstDay, endDay)}. */
    DayWeights(long firstDay, long endDay) {
        this.firstDay = firstDay;
        cumulative = new long[(int) (endDay - firstDay) + 1];
        for (int i = 1; i < cumulative.length; i++) cumulative[i] = cumulative[i - 1] + weight(firstDay + i - 1);
    }

    static long weight(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        DayOfWeek weekday = date.getDayOfWeek();
        int dayWeight = weekday == DayOfWeek.SATURDAY ? 4 : weekday == DayOfWeek.SUNDAY ? 3 : 10;
        return (long) dayWeight * MONTH_WEIGHTS[date.getMonthValue() - 1];
    }

    /** Day {@code day}'s share of {@code total}; total × a year's weight (under 50,000) stays far inside a long. */
    long share(long total, long day) {
        int index = (int) (day - firstDay);
        long all = cumulative[cumulative.length - 1];
        return Math.multiplyExact(total, cumulative[index + 1]) / all - Math.multiplyExact(total, cumulative[index]) / all;
    }
}

package dev.accrue.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 instants with an offset ({@code 2026-01-10T15:00:00Z}, {@code 2026-01-10T09:00:00.250-06:00}).
 * The common shapes take a hand-written path, because {@link DateTimeFormatter} costs about a microsecond
 * a call and every event carries a timestamp; anything else goes to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME},
 * so the accepted language is exactly the JDK's and the fast path only decides sooner.
 */
public final class Instants {
    /** What an instant looks like, for error messages. */
    public static final String EXPECTED = "an ISO-8601 instant with offset, e.g. \"2026-01-10T15:00:00Z\"";
    /** Longer text is not an instant; it is refused without handing it to the JDK parser. */
    static final int TEXT_LENGTH_MAX = 64;

    private static final int SECONDS_PER_DAY = 86_400;
    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final int OFFSET_SECONDS_MAX = 18 * 3600;

    private Instants() {}

    /** The instant, or null if {@code text} is not an ISO-8601 date-time with an offset. */
    public static Instant parse(String text) {
        return text == null ? null : parse(text.toCharArray(), 0, text.length());
    }

    /** The instant written in {@code chars[offset, offset+length)}, or null if it is not one. */
    public static Instant parse(char[] chars, int offset, int length) {
        if (length > TEXT_LENGTH_MAX) return null;
        Instant fast = parseCommon(chars, offset, length);
        if (fast != null) return fast;
        try {
            return OffsetDateTime.parse(new String(chars, offset, length), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} with a four-digit year; null for any other shape or an
     * impossible date, which then gets the JDK's verdict.
     */
    static Instant parseCommon(char[] c, int o, int length) {
        if (length < 20) return null;
        if (c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T' || c[o + 13] != ':' || c[o + 16] != ':') return null;
        int year = digits(c, o, 4);
        int month = digits(c, o + 5, 2);
        int day = digits(c, o + 8, 2);
        int hour = digits(c, o + 11, 2);
        int minute = digits(c, o + 14, 2);
        int second = digits(c, o + 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) return null;
        if (hour > 23 || minute > 59 || second > 59) return null;
        int position = o + 19;
        int end = o + length;
        int nanos = 0;
        if (c[position] == '.') {
            int fractionStart = ++position;
            while (position < end && c[position] >= '0' && c[position] <= '9') position++;
            int fractionDigits = position - fractionStart;
            if (fractionDigits < 1 || fractionDigits > 9) return null;
            nanos = digits(c, fractionStart, fractionDigits);
            for (int i = fractionDigits; i < 9; i++) nanos *= 10;
        }
        int offsetSeconds = offsetSeconds(c, position, end);
        if (offsetSeconds == Integer.MIN_VALUE) return null;
        long epochDay = epochDay(year, month, day);
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** {@code Z} → 0, {@code ±HH:MM} → seconds east of UTC; MIN_VALUE for anything else. */
    private static int offsetSeconds(char[] c, int position, int end) {
        int remaining = end - position;
        if (remaining == 1 && c[position] == 'Z') return 0;
        if (remaining != 6 || c[position + 3] != ':') return Integer.MIN_VALUE;
        char sign = c[position];
        if (sign != '+' && sign != '-') return Integer.MIN_VALUE;
        int hours = digits(c, position + 1, 2);
        int minutes = digits(c, position + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59) return Integer.MIN_VALUE;
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > OFFSET_SECONDS_MAX) return Integer.MIN_VALUE;
        return sign == '-' ? -seconds : seconds;
    }

    /** The decimal value of {@code count} ASCII digits, or -1 if one is not a digit. */
    private static int digits(char[] c, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = c[i] - '0';
            if (digit < 0 || digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date with year 0..9999 (the JDK's LocalDate.toEpochDay). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) total--;
        }
        return total - DAYS_0000_TO_1970;
    }
}

package dev.accrue.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Writes event lines into a char buffer by hand and hands full buffers to the writer: ten million lines
 * leave no room for a JSON library's generality or for a String per line. Values written here are ids,
 * codes and numbers the generator made, so nothing needs escaping.
 */
final class LineText {
    private static final int FLUSH_AT_CHARS = 1 << 16;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Writer out;
    private char[] buffer = new char[FLUSH_AT_CHARS + 4096];
    private int length;
    private int lineStart;
    /** "yyyy-MM-dd" of each day in the generated range, so timestamps cost no date arithmetic. */
    private final char[][] dates;
    private final long firstDay;

    LineText(Writer out, long firstEpochDay, long lastEpochDay) {
        this.out = out;
        this.firstDay = firstEpochDay;
        this.dates = new char[(int) (lastEpochDay - firstEpochDay + 1)][];
        for (int i = 0; i < dates.length; i++) dates[i] = LocalDate.ofEpochDay(firstEpochDay + i).toString().toCharArray();
    }

    /** Starts {@code {"id":"<prefix><number>","type":"<type>","occurred_at":"<time>"}. */
    LineText begin(String idPrefix, long idNumber, String type, long epochMilli, int timeStyle, int offsetMinutes) {
        if (length >= FLUSH_AT_CHARS) flush();
        lineStart = length;
        raw("{\"id\":\"").raw(idPrefix).number(idNumber).raw("\",\"type\":\"").raw(type).raw("\",\"occurred_at\":\"");
        timestamp(epochMilli, timeStyle, offsetMinutes);
        return raw('"');
    }

    LineText partner(String partnerId) {
        return raw(",\"partner\":\"").raw(partnerId).raw('"');
    }

    LineText startData() {
        return raw(",\"data\":{");
    }

    /** Ends the data object, the event and the line. */
    void end() {
        raw("}}\n");
    }

    /** Writes the line just ended once more: the same event delivered twice, as a retrying source does. */
    void repeatLastLine() {
        int lineLength = length - lineStart;
        ensure(lineLength);
        System.arraycopy(buffer, lineStart, buffer, length, lineLength);
        length += lineLength;
    }

    LineText field(String key) {
        if (buffer[length - 1] != '{') raw(',');
        return raw('"').raw(key).raw("\":");
    }

    LineText string(String key, String value) {
        return field(key).raw('"').raw(value).raw('"');
    }

    LineText string(String key, String prefix, long number) {
        return field(key).raw('"').raw(prefix).number(number).raw('"');
    }

    LineText integer(String key, long value) {
        return field(key).number(value);
    }

    LineText bool(String key, boolean value) {
        return field(key).raw(value ? "true" : "false");
    }

    /** An amount as a decimal string with two decimals: 6000000 → {@code "60000.00"}. */
    LineText amount(String key, long cents) {
        field(key).raw('"');
        if (cents < 0) {
            raw('-');
            cents = -cents;
        }
        number(cents / 100).raw('.');
        long fraction = cents % 100;
        return raw((char) ('0' + fraction / 10)).raw((char) ('0' + fraction % 10)).raw('"');
    }

    LineText raw(String text) {
        int n = text.length();
        ensure(n);
        text.getChars(0, n, buffer, length);
        length += n;
        return this;
    }

    LineText raw(char c) {
        ensure(1);
        buffer[length++] = c;
        return this;
    }

    LineText number(long value) {
        if (value < 0) {
            raw('-');
            value = -value;
        }
        ensure(20);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) digits++;
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    private void timestamp(long epochMilli, int style, int offsetMinutes) {
        long local = style == PartnerProfile.TIME_LOCAL_OFFSET ? epochMilli + offsetMinutes * 60_000L : epochMilli;
        long day = Math.floorDiv(local, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(local, MILLIS_PER_DAY);
        ensure(40);
        char[] date = dates[(int) (day - firstDay)];
        System.arraycopy(date, 0, buffer, length, date.length);
        length += date.length;
        raw('T');
        two(millisOfDay / 3_600_000).raw(':').two(millisOfDay / 60_000 % 60).raw(':').two(millisOfDay / 1000 % 60);
        switch (style) {
            case PartnerProfile.TIME_UTC_MILLIS -> {
                int millis = millisOfDay % 1000;
                raw('.').raw((char) ('0' + millis / 100)).two(millis % 100).raw('Z');
            }
            case PartnerProfile.TIME_LOCAL_OFFSET -> {
                int minutes = Math.abs(offsetMinutes);
                raw(offsetMinutes < 0 ? '-' : '+').two(minutes / 60).raw(':').two(minutes % 60);
            }
            default -> raw('Z');
        }
    }

    private LineText two(int value) {
        return raw((char) ('0' + value / 10)).raw((char) ('0' + value % 10));
    }

    private void ensure(int more) {
        if (length + more > buffer.length) buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }

    void flush() {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length = 0;
        lineStart = 0;
    }
}

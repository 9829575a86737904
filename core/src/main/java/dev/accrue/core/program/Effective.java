package dev.accrue.core.program;

import java.time.LocalDate;

/** The dates (inclusive, in the program's time zone) in which events earn; {@code to} may be null (open-ended). */
public record Effective(LocalDate from, LocalDate to) {
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}

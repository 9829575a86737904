package dev.accrue.core.engine;

import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.time.LocalDate;

/**
 * Which periods the engine may close. A simulation closes every period that ends on or before a date; the
 * live books close only what a person or the scheduler closed, program by program. The engine closes a
 * period once its events have all been seen: when the stream passes its end, or when asked to.
 */
@FunctionalInterface
public interface ClosePolicy {
    boolean mayClose(ProgramId program, PeriodId period);

    /** Every period whose last day is on or before {@code date}; with null, every period the stream passes. */
    static ClosePolicy through(LocalDate date) {
        return date == null ? (program, period) -> true : (program, period) -> !period.lastDay().isAfter(date);
    }
}

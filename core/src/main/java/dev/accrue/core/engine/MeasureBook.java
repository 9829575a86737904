package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.time.PeriodId;
import dev.accrue.core.time.ProgramCalendar;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Period measures of every partner, for every calendar the programs use (measures are per program
 * period in the program's time zone, so each distinct calendar keeps its own book).
 */
final class MeasureBook {
    private final Set<ProgramCalendar> calendars;
    private final Map<ProgramCalendar, Map<String, Map<PeriodId, MeasureAccumulator>>> accumulators = new HashMap<>();

    MeasureBook(Set<ProgramCalendar> calendars) {
        this.calendars = Set.copyOf(calendars);
    }

    /** Counts an event in each calendar's period; {@code returnedFamily} is the family of the line a return returns. */
    void record(Event event, String returnedFamily) {
        if (event.partnerId() == null) return;
        for (ProgramCalendar calendar : calendars) {
            MeasureAccumulator accumulator = accumulator(calendar, event.partnerId(), calendar.periodOf(event.occurredAt()));
            accumulator.count(event.type());
            switch (event.type()) {
                case EventTypes.SALE -> accumulator.addSale(EventFields.amount(event, "net_amount"),
                        EventFields.quantity(event), EventFields.string(event, "product_family"));
                case EventTypes.RETURN -> accumulator.addReturn(EventFields.amount(event, "net_amount"),
                        EventFields.quantity(event), returnedFamily);
                default -> { }
            }
        }
    }

    PeriodMeasures measures(ProgramCalendar calendar, String partnerId, PeriodId period) {
        MeasureAccumulator accumulator = find(calendar, partnerId, period);
        MeasureAccumulator yearEarlier = find(calendar, partnerId, period.yearEarlier());
        BigDecimal growthBase = yearEarlier == null ? null : yearEarlier.snapshot(null).netSales();
        return accumulator == null ? withBase(growthBase) : accumulator.snapshot(growthBase);
    }

    PeriodMeasures prior(ProgramCalendar calendar, String partnerId, PeriodId period) {
        return measures(calendar, partnerId, period.previous());
    }

    /** The partners with any activity in the period (those whose period-close rules and gates are judged). */
    Set<String> activePartners(ProgramCalendar calendar, PeriodId period) {
        Set<String> partners = new java.util.TreeSet<>();
        accumulators.getOrDefault(calendar, Map.of()).forEach((partner, periods) -> {
            if (periods.containsKey(period)) partners.add(partner);
        });
        return partners;
    }

    /** Forgets periods that can no longer be read: older than a year and a period before {@code oldestNeeded}. */
    void forgetBefore(ProgramCalendar calendar, PeriodId oldestNeeded) {
        PeriodId keepFrom = oldestNeeded.yearEarlier().previous();
        accumulators.getOrDefault(calendar, Map.of()).values()
                .forEach(periods -> periods.keySet().removeIf(period -> period.compareTo(keepFrom) < 0));
    }

    private static PeriodMeasures withBase(BigDecimal growthBase) {
        return growthBase == null ? PeriodMeasures.EMPTY
                : new PeriodMeasures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), growthBase);
    }

    private MeasureAccumulator find(ProgramCalendar calendar, String partnerId, PeriodId period) {
        return accumulators.getOrDefault(calendar, Map.of()).getOrDefault(partnerId, Map.of()).get(period);
    }

    private MeasureAccumulator accumulator(ProgramCalendar calendar, String partnerId, PeriodId period) {
        return accumulators.computeIfAbsent(calendar, c -> new HashMap<>())
                .computeIfAbsent(partnerId, p -> new HashMap<>())
                .computeIfAbsent(period, p -> new MeasureAccumulator());
    }
}

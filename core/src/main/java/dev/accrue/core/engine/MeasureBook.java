package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.time.PeriodId;
import dev.accrue.core.time.ProgramCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Period measures of every partner, for every calendar the programs use (measures are per program
 * period in the program's time zone).
 *
 * <p>How: the period boundaries of all the calendars cut time into segments, inside which every calendar
 * is in one period. Each event is added once, to its partner's accumulator for its segment; a period's
 * measures are the sum of its segments, made when they are read (at close) and kept while the partner has
 * no new event. Sums of exact decimals do not depend on how they are grouped, so this gives the same
 * measures as adding every event to every calendar's period, for a tenth of the work with ten calendars.
 */
final class MeasureBook {
    /** Measures read per partner kept for reuse: a period, its prior and their year-earlier periods, for a few calendars. */
    private static final int CACHED_PER_PARTNER = 8;

    private final ProgramCalendar[] calendars;
    private final Map<ProgramCalendar, Integer> calendarIndex = new HashMap<>();
    /** Per calendar, the segments of each period, in time order. */
    private final List<Map<PeriodId, List<Segment>>> segmentsOfPeriod = new ArrayList<>();
    private final TreeMap<Instant, Segment> segments = new TreeMap<>();
    private int segmentCount;
    private Segment current;
    private final Numbering types = new Numbering();
    private final Numbering families = new Numbering();
    private final Map<String, PartnerBook> partners = new HashMap<>();
    /** The same books by partner number ({@link ConditionViews#number}), for {@link #record} on every event. */
    private PartnerBook[] byNumber = new PartnerBook[16];

    /** A stretch of time in which every calendar is in one period: from the latest period start to the earliest period end. */
    private record Segment(int index, Instant from, Instant to) {}

    /** One partner's accumulators by segment number, and the measures read lately. */
    private static final class PartnerBook {
        MeasureAccumulator[] bySegment = new MeasureAccumulator[16];
        /** Counts the partner's events, so that a kept reading is known to be still current. */
        long version;
        final Reading[] readings = new Reading[CACHED_PER_PARTNER];
        int nextReading;

        MeasureAccumulator accumulator(int segment) {
            if (segment >= bySegment.length) bySegment = Arrays.copyOf(bySegment, Math.max(segment + 1, bySegment.length * 2));
            MeasureAccumulator accumulator = bySegment[segment];
            if (accumulator == null) bySegment[segment] = accumulator = new MeasureAccumulator();
            return accumulator;
        }

        MeasureAccumulator find(int segment) {
            return segment < bySegment.length ? bySegment[segment] : null;
        }
    }

    /** Measures of one calendar period as read at {@code version} of the partner's book, with their CEL values once asked for. */
    private static final class Reading {
        final int calendar;
        final PeriodId period;
        final long version;
        final PeriodMeasures measures;
        Map<String, Object> conditionValues;

        Reading(int calendar, PeriodId period, long version, PeriodMeasures measures) {
            this.calendar = calendar;
            this.period = period;
            this.version = version;
            this.measures = measures;
        }
    }

    MeasureBook(Set<ProgramCalendar> calendars) {
        this.calendars = calendars.toArray(new ProgramCalendar[0]);
        for (int c = 0; c < this.calendars.length; c++) {
            calendarIndex.put(this.calendars[c], c);
            segmentsOfPeriod.add(new HashMap<>());
        }
    }

    /**
     * Counts an event of the partner numbered {@code partner} in its period of each calendar; {@code returnedFamily}
     * is the family of the line a return returns.
     */
    void record(Event event, int partner, String returnedFamily) {
        if (event.partnerId() == null || calendars.length == 0) return;
        Segment segment = segmentOf(event.occurredAt());
        if (partner >= byNumber.length) byNumber = Arrays.copyOf(byNumber, Math.max(partner + 1, byNumber.length * 2));
        PartnerBook book = byNumber[partner];
        if (book == null) {
            byNumber[partner] = book = new PartnerBook();
            partners.put(event.partnerId(), book);
        }
        book.version++;
        MeasureAccumulator accumulator = book.accumulator(segment.index());
        accumulator.count(types.number(event.type()));
        switch (event.type()) {
            case EventTypes.SALE -> accumulator.addSale(EventFields.amount(event, "net_amount"), event.data().get("quantity"),
                    family(EventFields.string(event, "product_family")));
            case EventTypes.RETURN -> accumulator.addReturn(EventFields.amount(event, "net_amount"), event.data().get("quantity"),
                    family(returnedFamily));
            default -> { }
        }
    }

    PeriodMeasures measures(ProgramCalendar calendar, String partnerId, PeriodId period) {
        return reading(calendar, partnerId, period).measures;
    }

    PeriodMeasures prior(ProgramCalendar calendar, String partnerId, PeriodId period) {
        return measures(calendar, partnerId, period.previous());
    }

    /** {@link PeriodMeasures#toConditionValues()} of {@link #measures}, made once per reading; callers must not change it. */
    Map<String, Object> conditionValues(ProgramCalendar calendar, String partnerId, PeriodId period) {
        Reading reading = reading(calendar, partnerId, period);
        if (reading.conditionValues == null) reading.conditionValues = reading.measures.toConditionValues();
        return reading.conditionValues;
    }

    Map<String, Object> priorConditionValues(ProgramCalendar calendar, String partnerId, PeriodId period) {
        return conditionValues(calendar, partnerId, period.previous());
    }

    /** The partners with any activity in the period (those whose period-close rules and gates are judged). */
    Set<String> activePartners(ProgramCalendar calendar, PeriodId period) {
        Set<String> active = new TreeSet<>();
        Integer c = calendarIndex.get(calendar);
        if (c == null) return active;
        List<Segment> inPeriod = segmentsOfPeriod.get(c).getOrDefault(period, List.of());
        partners.forEach((partnerId, book) -> {
            for (Segment segment : inPeriod) {
                if (book.find(segment.index()) != null) {
                    active.add(partnerId);
                    return;
                }
            }
        });
        return active;
    }

    private Reading reading(ProgramCalendar calendar, String partnerId, PeriodId period) {
        Integer c = calendarIndex.get(calendar);
        PartnerBook book = partners.get(partnerId);
        if (c == null || book == null) return new Reading(-1, period, 0, PeriodMeasures.EMPTY);
        for (Reading reading : book.readings) {
            if (reading != null && reading.calendar == c && reading.version == book.version && reading.period.equals(period)) return reading;
        }
        MeasureAccumulator sum = sum(book, c, period);
        MeasureAccumulator yearEarlier = sum(book, c, period.yearEarlier());
        BigDecimal growthBase = yearEarlier == null ? null : yearEarlier.netSales();
        PeriodMeasures measures = sum == null ? withBase(growthBase) : toMeasures(sum, growthBase);
        Reading reading = new Reading(c, period, book.version, measures);
        book.readings[book.nextReading] = reading;
        book.nextReading = (book.nextReading + 1) % CACHED_PER_PARTNER;
        return reading;
    }

    /** The partner's activity in the period: the sum of its segments; null when it had none. */
    private MeasureAccumulator sum(PartnerBook book, int calendar, PeriodId period) {
        List<Segment> inPeriod = segmentsOfPeriod.get(calendar).get(period);
        if (inPeriod == null) return null;
        MeasureAccumulator sum = null;
        for (Segment segment : inPeriod) {
            MeasureAccumulator part = book.find(segment.index());
            if (part == null) continue;
            if (sum == null) sum = new MeasureAccumulator();
            sum.addAll(part);
        }
        return sum;
    }

    private PeriodMeasures toMeasures(MeasureAccumulator sum, BigDecimal growthBase) {
        Map<String, BigDecimal> familySales = new HashMap<>();
        for (int i = 0; i < sum.familyNetSales.length; i++) {
            if (sum.familyNetSales[i] != null) familySales.put(families.name(i), sum.familyNetSales[i]);
        }
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < sum.counts.length; i++) {
            if (sum.counts[i] != 0) counts.put(types.name(i), sum.counts[i]);
        }
        return new PeriodMeasures(sum.grossSales, sum.returns, sum.units(), familySales, counts, growthBase);
    }

    private static PeriodMeasures withBase(BigDecimal growthBase) {
        return growthBase == null ? PeriodMeasures.EMPTY
                : new PeriodMeasures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), growthBase);
    }

    private Segment segmentOf(Instant at) {
        Segment segment = current;
        if (segment != null && !at.isBefore(segment.from()) && at.isBefore(segment.to())) return segment;
        Map.Entry<Instant, Segment> floor = segments.floorEntry(at);
        if (floor != null && at.isBefore(floor.getValue().to())) return current = floor.getValue();
        Instant from = null;
        Instant to = null;
        PeriodId[] periods = new PeriodId[calendars.length];
        for (int c = 0; c < calendars.length; c++) {
            periods[c] = calendars[c].periodOf(at);
            Instant start = calendars[c].start(periods[c]);
            Instant end = calendars[c].endExclusive(periods[c]);
            if (from == null || start.isAfter(from)) from = start;
            if (to == null || end.isBefore(to)) to = end;
        }
        segment = new Segment(segmentCount++, from, to);
        segments.put(from, segment);
        for (int c = 0; c < calendars.length; c++) {
            List<Segment> inPeriod = segmentsOfPeriod.get(c).computeIfAbsent(periods[c], p -> new ArrayList<>());
            inPeriod.add(segment);
        }
        return current = segment;
    }

    private int family(String family) {
        return family == null ? -1 : families.number(family);
    }
}

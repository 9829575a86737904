package dev.accrue.core.engine;

import dev.accrue.core.event.EventTypes;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Adds up one partner's activity in one period; {@link #snapshot} gives the measures so far. */
final class MeasureAccumulator {
    private BigDecimal grossSales = BigDecimal.ZERO;
    private BigDecimal returns = BigDecimal.ZERO;
    private BigDecimal units = BigDecimal.ZERO;
    private final Map<String, BigDecimal> familyNetSales = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private PeriodMeasures cached;

    void count(String eventType) {
        counts.merge(eventType, 1L, Long::sum);
        cached = null;
    }

    void addSale(BigDecimal netAmount, BigDecimal quantity, String family) {
        grossSales = grossSales.add(netAmount);
        units = units.add(quantity);
        if (family != null) familyNetSales.merge(family, netAmount, BigDecimal::add);
        cached = null;
    }

    /** A return counts against the period it happens in; its family is the returned line's, when known. */
    void addReturn(BigDecimal netAmount, BigDecimal quantity, String family) {
        returns = returns.add(netAmount);
        units = units.subtract(quantity);
        if (family != null) familyNetSales.merge(family, netAmount.negate(), BigDecimal::add);
        cached = null;
    }

    PeriodMeasures snapshot(BigDecimal growthBase) {
        if (cached == null || !java.util.Objects.equals(cached.growthBase(), growthBase)) {
            cached = new PeriodMeasures(grossSales, returns, units, familyNetSales, counts, growthBase);
        }
        return cached;
    }

    static boolean isSale(String type) {
        return EventTypes.SALE.equals(type);
    }
}

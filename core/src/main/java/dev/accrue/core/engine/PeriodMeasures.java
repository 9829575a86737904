package dev.accrue.core.engine;

import dev.accrue.core.program.Measures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One partner's measures for one program period (DESIGN.md, "Period measures"), in major units.
 * {@code growthBase} is the net sales of the same period a year earlier, null without history.
 */
public record PeriodMeasures(
        BigDecimal grossSales,
        BigDecimal returns,
        BigDecimal units,
        Map<String, BigDecimal> familyNetSales,
        Map<String, Long> counts,
        BigDecimal growthBase) {
    /** Ratios are computed exactly to 34 digits, then handed to conditions as the nearest double. */
    static final MathContext RATIO = MathContext.DECIMAL128;

    public static final PeriodMeasures EMPTY =
            new PeriodMeasures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), null);

    public PeriodMeasures {
        familyNetSales = Map.copyOf(familyNetSales);
        counts = Map.copyOf(counts);
    }

    public BigDecimal netSales() {
        return grossSales.subtract(returns);
    }

    /** Returns over gross sales; null (absent) when there were no sales. */
    public BigDecimal returnsRate() {
        return grossSales.signum() == 0 ? null : returns.divide(grossSales, RATIO);
    }

    /** A family's share of net sales; zero when the period has no net sales. */
    public BigDecimal mix(String family) {
        BigDecimal net = netSales();
        if (net.signum() <= 0) return BigDecimal.ZERO;
        return familyNetSales.getOrDefault(family, BigDecimal.ZERO).divide(net, RATIO);
    }

    /** Net sales against the same period a year earlier, minus one; null (absent) without history. */
    public BigDecimal growth() {
        if (growthBase == null || growthBase.signum() <= 0) return null;
        return netSales().divide(growthBase, RATIO).subtract(BigDecimal.ONE);
    }

    /** A numeric measure by name (see {@link Measures#NUMERIC}); null when absent. */
    public BigDecimal numeric(String measure) {
        return switch (measure) {
            case Measures.NET_SALES -> netSales();
            case Measures.GROSS_SALES -> grossSales;
            case Measures.UNITS -> units;
            case Measures.RETURNS -> returns;
            case Measures.RETURNS_RATE -> returnsRate();
            case Measures.GROWTH -> growth();
            default -> throw new IllegalArgumentException("not a numeric measure: " + measure);
        };
    }

    /** The CEL view: doubles for decimals (exact ratios rounded once to the nearest double), absent values left out. */
    public Map<String, Object> toConditionValues() {
        Map<String, Object> values = new HashMap<>();
        values.put(Measures.NET_SALES, netSales().doubleValue());
        values.put(Measures.GROSS_SALES, grossSales.doubleValue());
        values.put(Measures.UNITS, units.doubleValue());
        values.put(Measures.RETURNS, returns.doubleValue());
        BigDecimal returnsRate = returnsRate();
        if (returnsRate != null) values.put(Measures.RETURNS_RATE, returnsRate.doubleValue());
        Map<String, Object> mix = new TreeMap<>();
        for (String family : familyNetSales.keySet()) mix.put(family, mix(family).doubleValue());
        values.put(Measures.MIX, mix);
        values.put(Measures.COUNT, new TreeMap<>(counts));
        BigDecimal growth = growth();
        if (growth != null) values.put(Measures.GROWTH, growth.doubleValue());
        return values;
    }
}

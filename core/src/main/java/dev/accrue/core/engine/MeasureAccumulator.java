package dev.accrue.core.engine;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Adds up one partner's activity in one stretch of time (a {@link MeasureBook} segment, or a whole period
 * once segments are merged). Event types and product families are numbered by the book, so a count or a
 * family's sum is an array slot instead of a map entry. Sums are exact decimals; whole quantities are
 * added as longs and become a decimal only when read.
 */
final class MeasureAccumulator {
    private static final long[] NO_COUNTS = new long[0];
    private static final BigDecimal[] NO_FAMILIES = new BigDecimal[0];

    BigDecimal grossSales = BigDecimal.ZERO;
    BigDecimal returns = BigDecimal.ZERO;
    /** Units as a whole number while every quantity is one (the common case); the rest, exactly, in {@link #unitsDecimal}. */
    private long unitsWhole;
    private BigDecimal unitsDecimal;
    /** Events by type number; 0 for a type never seen. */
    long[] counts = NO_COUNTS;
    /** Net sales by family number; null for a family never seen (a family seen has an entry, even at zero). */
    BigDecimal[] familyNetSales = NO_FAMILIES;

    void count(int type) {
        if (type >= counts.length) counts = Arrays.copyOf(counts, Math.max(type + 1, counts.length * 2));
        counts[type]++;
    }

    void addSale(BigDecimal netAmount, Object quantity, int family) {
        grossSales = grossSales.add(netAmount);
        addUnits(quantity, false);
        if (family >= 0) addFamily(family, netAmount);
    }

    /** A return counts against the period it happens in; its family is the returned line's, when known. */
    void addReturn(BigDecimal netAmount, Object quantity, int family) {
        returns = returns.add(netAmount);
        addUnits(quantity, true);
        if (family >= 0) addFamily(family, netAmount.negate());
    }

    /** Adds another accumulator's sums to this one's (a period is the sum of its segments). */
    void addAll(MeasureAccumulator other) {
        grossSales = grossSales.add(other.grossSales);
        returns = returns.add(other.returns);
        addWhole(other.unitsWhole);
        if (other.unitsDecimal != null) addDecimal(other.unitsDecimal);
        if (other.counts.length > counts.length) counts = Arrays.copyOf(counts, other.counts.length);
        for (int i = 0; i < other.counts.length; i++) counts[i] += other.counts[i];
        for (int i = 0; i < other.familyNetSales.length; i++) {
            if (other.familyNetSales[i] != null) addFamily(i, other.familyNetSales[i]);
        }
    }

    BigDecimal netSales() {
        return grossSales.subtract(returns);
    }

    /** Units sold minus units returned: the same value and scale as adding each quantity to zero in turn. */
    BigDecimal units() {
        BigDecimal whole = BigDecimal.valueOf(unitsWhole);
        return unitsDecimal == null ? whole : whole.add(unitsDecimal);
    }

    private void addFamily(int family, BigDecimal amount) {
        if (family >= familyNetSales.length) familyNetSales = Arrays.copyOf(familyNetSales, Math.max(family + 1, 8));
        BigDecimal sum = familyNetSales[family];
        familyNetSales[family] = sum == null ? amount : sum.add(amount);
    }

    /** A quantity as {@link EventFields#quantity} reads it: a decimal as it is, another number as a whole one, none as one. */
    private void addUnits(Object quantity, boolean negate) {
        if (quantity instanceof BigDecimal decimal) {
            addDecimal(negate ? decimal.negate() : decimal);
            return;
        }
        long whole = quantity instanceof Number number ? number.longValue() : 1L;
        if (negate) {
            if (whole == Long.MIN_VALUE) {
                addDecimal(BigDecimal.valueOf(whole).negate());
                return;
            }
            whole = -whole;
        }
        addWhole(whole);
    }

    private void addWhole(long whole) {
        long sum = unitsWhole + whole;
        if (((unitsWhole ^ sum) & (whole ^ sum)) < 0) {   // overflow: keep the excess exactly
            addDecimal(BigDecimal.valueOf(whole));
            return;
        }
        unitsWhole = sum;
    }

    private void addDecimal(BigDecimal decimal) {
        unitsDecimal = unitsDecimal == null ? BigDecimal.ZERO.add(decimal) : unitsDecimal.add(decimal);
    }
}

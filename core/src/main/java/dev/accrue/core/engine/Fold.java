package dev.accrue.core.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule has matched for one partner in one period, kept as sums instead of matches, for a rule whose
 * close needs nothing else (see {@link RuleSlot#folds}): no caps, no budget and no clawback (which cut or
 * reverse single events), no condition judged per match at close, and, for incremental bands on the
 * qualifying basis, one payee and no multiplier judged per event (where each event's slice depends on the
 * events before it).
 *
 * <p>Then the line's exact total is (rate or tier) × Σ basis × factor, or Σ quantity × factor × the amount
 * per unit, or Σ factor × the flat amount: the same exact value as adding the matches one by one in event
 * order, since exact sums do not depend on order, and so the same rounded amount. A program with yearly
 * periods then keeps a handful of numbers per partner instead of a year of matches.
 */
final class Fold {
    /**
     * How one matched event entered the sums: its payee and its multipliers judged on arrival. A return of
     * the event's line reverses it with the same entry. Null payee: the partner itself.
     */
    record Entry(String payee, BigDecimal factor, List<String> multipliers) {
        /** The usual case, shared: paid to the partner, no multiplier judged on arrival. */
        static final Entry PLAIN = new Entry(null, BigDecimal.ONE, List.of());

        static Entry of(String payee, String partnerId, BigDecimal factor, List<String> multipliers) {
            if (payee.equals(partnerId) && factor == BigDecimal.ONE && multipliers.isEmpty()) return PLAIN;
            return new Entry(payee.equals(partnerId) ? null : payee, factor, List.copyOf(multipliers));
        }
    }

    /** One payee's sums. */
    static final class PayeeSums {
        final String payee;
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal weightedBasis = BigDecimal.ZERO;
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal weightedUnits = BigDecimal.ZERO;
        /** Σ factor over the matches that are not reversals: what a flat rule pays per match. */
        BigDecimal weightedCount = BigDecimal.ZERO;
        int matches;
        /** The earliest match, in (time, id) order: payees' lines come in the order of their first match. */
        private long firstSecond = Long.MAX_VALUE;
        private int firstNano;
        private String firstId;

        private PayeeSums(String payee) {
            this.payee = payee;
        }

        Instant firstAt() {
            return Instant.ofEpochSecond(firstSecond, firstNano);
        }

        String firstId() {
            return firstId;
        }

        private boolean isBefore(long second, int nano, String id) {
            if (firstSecond != second) return second < firstSecond;
            if (firstNano != nano) return nano < firstNano;
            return id.compareTo(firstId) < 0;
        }
    }

    private final Map<String, PayeeSums> payees = new HashMap<>(2);
    /** Σ basis over every payee: the qualifying basis of tiers. */
    BigDecimal qualifying = BigDecimal.ZERO;
    int matches;
    /** How many matches each multiplier judged on arrival applied to. */
    final Map<String, Integer> eventMultiplierCounts = new HashMap<>(0);

    void add(Entry entry, String partnerId, Instant at, String eventId, BigDecimal basis, BigDecimal quantity, boolean reversal) {
        String payee = entry.payee() == null ? partnerId : entry.payee();
        PayeeSums sums = payees.computeIfAbsent(payee, PayeeSums::new);
        boolean plain = entry.factor() == BigDecimal.ONE;
        sums.basis = sums.basis.add(basis);
        sums.weightedBasis = sums.weightedBasis.add(plain ? basis : basis.multiply(entry.factor()));
        sums.units = sums.units.add(quantity);
        sums.weightedUnits = sums.weightedUnits.add(plain ? quantity : quantity.multiply(entry.factor()));
        if (!reversal) sums.weightedCount = sums.weightedCount.add(entry.factor());
        sums.matches++;
        if (sums.firstId == null || sums.isBefore(at.getEpochSecond(), at.getNano(), eventId)) {
            sums.firstSecond = at.getEpochSecond();
            sums.firstNano = at.getNano();
            sums.firstId = eventId;
        }
        qualifying = qualifying.add(basis);
        matches++;
        for (String name : entry.multipliers()) eventMultiplierCounts.merge(name, 1, Integer::sum);
    }

    /** The payees in the order of their first match. */
    List<PayeeSums> payees() {
        List<PayeeSums> ordered = new ArrayList<>(payees.values());
        ordered.sort(Comparator.comparingLong((PayeeSums s) -> s.firstSecond).thenComparingInt(s -> s.firstNano)
                .thenComparing(s -> s.firstId));
        return ordered;
    }
}

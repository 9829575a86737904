package dev.accrue.core.engine;

import dev.accrue.core.program.AmountForm;
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

    /**
     * One payee's sums. The weighted sums are kept apart only once a match has a factor other than one
     * (until then they equal the plain ones); units only for a rule paid per unit, the count only for a
     * flat one: each is an exact decimal addition per match, for millions of matches.
     */
    static final class PayeeSums {
        final String payee;
        BigDecimal basis = BigDecimal.ZERO;
        private BigDecimal weightedBasis;
        private BigDecimal units = BigDecimal.ZERO;
        private BigDecimal weightedUnits;
        /** Σ factor over the matches that are not reversals: what a flat rule pays per match. */
        private BigDecimal weightedCount = BigDecimal.ZERO;
        int matches;
        /** The earliest match, in (time, id) order: payees' lines come in the order of their first match. */
        private long firstSecond = Long.MAX_VALUE;
        private int firstNano;
        private String firstId;

        private PayeeSums(String payee) {
            this.payee = payee;
        }

        BigDecimal weightedBasis() {
            return weightedBasis != null ? weightedBasis : basis;
        }

        BigDecimal units() {
            return units;
        }

        BigDecimal weightedUnits() {
            return weightedUnits != null ? weightedUnits : units;
        }

        BigDecimal weightedCount() {
            return weightedCount;
        }

        Instant firstAt() {
            return Instant.ofEpochSecond(firstSecond, firstNano);
        }

        String firstId() {
            return firstId;
        }

        private void add(Entry entry, BigDecimal basis, BigDecimal quantity, boolean reversal, Sums kept) {
            BigDecimal factor = entry.factor();
            if (factor != BigDecimal.ONE && weightedBasis == null) {
                weightedBasis = this.basis;
                weightedUnits = units;
            }
            this.basis = this.basis.add(basis);
            if (weightedBasis != null) weightedBasis = weightedBasis.add(basis.multiply(factor));
            if (kept == Sums.UNITS) {
                units = units.add(quantity);
                if (weightedUnits != null) weightedUnits = weightedUnits.add(quantity.multiply(factor));
            }
            if (kept == Sums.COUNT && !reversal) weightedCount = weightedCount.add(factor);
            matches++;
        }

        private void first(Instant at, String eventId) {
            long second = at.getEpochSecond();
            int nano = at.getNano();
            boolean before = firstId == null || second < firstSecond
                    || (second == firstSecond && (nano < firstNano || (nano == firstNano && eventId.compareTo(firstId) < 0)));
            if (before) {
                firstSecond = second;
                firstNano = nano;
                firstId = eventId;
            }
        }
    }

    /** Which sums besides the basis the rule's amount reads. */
    private enum Sums { BASIS, UNITS, COUNT }

    private final Sums kept;
    private final Map<String, PayeeSums> payees = new HashMap<>(2);
    /** The payee of the last match: most rules pay the partner, so the map is rarely asked. */
    private PayeeSums last;
    int matches;
    /** How many matches each multiplier judged on arrival applied to. */
    final Map<String, Integer> eventMultiplierCounts = new HashMap<>(0);

    /** Sums for a rule paid in this form: per unit reads the units, flat the count, the rest the basis. */
    Fold(AmountForm form) {
        this.kept = switch (form) {
            case AmountForm.PerUnit perUnit -> Sums.UNITS;
            case AmountForm.Flat flat -> Sums.COUNT;
            default -> Sums.BASIS;
        };
    }

    void add(Entry entry, String partnerId, Instant at, String eventId, BigDecimal basis, BigDecimal quantity, boolean reversal) {
        String payee = entry.payee() == null ? partnerId : entry.payee();
        PayeeSums sums = last != null && last.payee.equals(payee) ? last : payees.computeIfAbsent(payee, PayeeSums::new);
        last = sums;
        sums.add(entry, basis, quantity, reversal, kept);
        sums.first(at, eventId);
        matches++;
        List<String> multipliers = entry.multipliers();
        for (int m = 0; m < multipliers.size(); m++) eventMultiplierCounts.merge(multipliers.get(m), 1, Integer::sum);
    }

    /** Σ basis over every payee: the qualifying basis of tiers. */
    BigDecimal qualifying() {
        BigDecimal qualifying = BigDecimal.ZERO;
        for (PayeeSums sums : payees.values()) qualifying = qualifying.add(sums.basis);
        return qualifying;
    }

    /** The payees in the order of their first match. */
    List<PayeeSums> payees() {
        List<PayeeSums> ordered = new ArrayList<>(payees.values());
        ordered.sort(Comparator.comparingLong((PayeeSums s) -> s.firstSecond).thenComparingInt(s -> s.firstNano)
                .thenComparing(s -> s.firstId));
        return ordered;
    }
}

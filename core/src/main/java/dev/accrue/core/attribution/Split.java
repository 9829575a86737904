package dev.accrue.core.attribution;

import dev.accrue.core.Invariants;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shares a whole number of minor units among parties by weight so the shares sum exactly to the whole:
 * each gets the floor of its exact share, and the units left over go one each to the largest remainders,
 * ties by party id.
 */
public final class Split {
    private Split() {}

    public static Map<String, Long> largestRemainder(long wholeMinor, Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> sorted = new TreeMap<>(weights);
        BigDecimal totalWeight = BigDecimal.ZERO;
        for (BigDecimal weight : sorted.values()) {
            if (weight.signum() < 0) throw new IllegalArgumentException("weights are not negative");
            totalWeight = totalWeight.add(weight);
        }
        Map<String, Long> shares = new LinkedHashMap<>();
        if (sorted.isEmpty()) return shares;
        if (totalWeight.signum() == 0) throw new IllegalArgumentException("weights sum to zero");
        long sign = wholeMinor < 0 ? -1 : 1;
        long whole = Math.abs(wholeMinor);
        record Remainder(String party, BigDecimal fraction) {}
        List<Remainder> remainders = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, BigDecimal> entry : sorted.entrySet()) {
            BigDecimal exact = BigDecimal.valueOf(whole).multiply(entry.getValue()).divide(totalWeight, MathContext.DECIMAL128);
            long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            shares.put(entry.getKey(), floor);
            given += floor;
            remainders.add(new Remainder(entry.getKey(), exact.subtract(BigDecimal.valueOf(floor))));
        }
        remainders.sort(Comparator.comparing(Remainder::fraction).reversed().thenComparing(Remainder::party));
        for (int i = 0; given < whole; i++, given++) shares.merge(remainders.get(i % remainders.size()).party(), 1L, Long::sum);
        shares.replaceAll((party, share) -> share * sign);
        Invariants.check(shares.values().stream().mapToLong(Long::longValue).sum() == wholeMinor, "split shares sum to the whole");
        return shares;
    }
}

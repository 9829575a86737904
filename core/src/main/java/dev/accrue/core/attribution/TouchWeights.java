package dev.accrue.core.attribution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weight each partner gets for a conversion, from its touches before the conversion (already within the
 * lookback, in time order): first_touch, last_touch, linear, time_decay (half-life in days) or
 * position_based (first and last shares, the rest spread over the touches between).
 */
public final class TouchWeights {
    private TouchWeights() {}

    public record Touch(Instant at, String partnerId) {}

    public static Map<String, BigDecimal> weights(String model, List<Touch> touches, Instant conversionAt,
                                                  BigDecimal firstShare, BigDecimal lastShare, int halfLifeDays) {
        Map<String, BigDecimal> weights = new TreeMap<>();
        int n = touches.size();
        if (n == 0) return weights;
        switch (model) {
            case "first_touch" -> weights.put(touches.get(0).partnerId(), BigDecimal.ONE);
            case "last_touch" -> weights.put(touches.get(n - 1).partnerId(), BigDecimal.ONE);
            case "linear" -> touches.forEach(touch -> weights.merge(touch.partnerId(), BigDecimal.ONE, BigDecimal::add));
            case "time_decay" -> touches.forEach(touch -> {
                double ageDays = Duration.between(touch.at(), conversionAt).toSeconds() / 86_400.0;
                // A weight, not money: the split itself is exact (largest remainder).
                BigDecimal weight = new BigDecimal(Math.pow(0.5, ageDays / Math.max(1, halfLifeDays)), MathContext.DECIMAL64);
                weights.merge(touch.partnerId(), weight, BigDecimal::add);
            });
            case "position_based" -> {
                if (n == 1) {
                    weights.put(touches.get(0).partnerId(), BigDecimal.ONE);
                } else if (n == 2) {
                    weights.merge(touches.get(0).partnerId(), firstShare, BigDecimal::add);
                    weights.merge(touches.get(1).partnerId(), lastShare, BigDecimal::add);
                } else {
                    BigDecimal middle = BigDecimal.ONE.subtract(firstShare).subtract(lastShare)
                            .divide(BigDecimal.valueOf(n - 2), MathContext.DECIMAL128);
                    weights.merge(touches.get(0).partnerId(), firstShare, BigDecimal::add);
                    weights.merge(touches.get(n - 1).partnerId(), lastShare, BigDecimal::add);
                    for (int i = 1; i < n - 1; i++) weights.merge(touches.get(i).partnerId(), middle, BigDecimal::add);
                }
            }
            default -> throw new IllegalArgumentException("unknown attribution model: " + model);
        }
        weights.values().removeIf(weight -> weight.signum() == 0);
        return weights;
    }
}

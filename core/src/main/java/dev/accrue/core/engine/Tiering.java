package dev.accrue.core.engine;

import dev.accrue.core.program.TierBand;
import java.math.BigDecimal;
import java.util.List;

/** Tier arithmetic: which band a measure reached, and what incremental (marginal) bands pay on it. */
final class Tiering {
    private Tiering() {}

    /** The last band whose {@code from} the measure has reached; the first band below zero. */
    static int reachedBand(List<TierBand> bands, BigDecimal measure) {
        int reached = 0;
        for (int i = 1; i < bands.size(); i++) {
            if (measure.compareTo(bands.get(i).from()) >= 0) reached = i;
        }
        return reached;
    }

    /** Each slice of the measure earns its own band's rate: the sum over the slices up to {@code measure}. */
    static BigDecimal incremental(List<TierBand> bands, BigDecimal measure) {
        if (measure.signum() <= 0) return BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            BigDecimal from = bands.get(i).from();
            if (measure.compareTo(from) <= 0) break;
            BigDecimal upTo = i + 1 < bands.size() ? bands.get(i + 1).from().min(measure) : measure;
            total = total.add(upTo.subtract(from).multiply(bands.get(i).rate().value()));
        }
        return total;
    }

    /** The slices a measure spans, for explanations: "0% of 10,000.00 + 2% of 40,000.00". */
    static String describeIncremental(List<TierBand> bands, BigDecimal measure, int minorDigits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bands.size() && measure.signum() > 0; i++) {
            BigDecimal from = bands.get(i).from();
            if (measure.compareTo(from) <= 0) break;
            BigDecimal upTo = i + 1 < bands.size() ? bands.get(i + 1).from().min(measure) : measure;
            if (!text.isEmpty()) text.append(" + ");
            text.append(bands.get(i).rate().display()).append(" of ").append(Amounts.display(upTo.subtract(from), minorDigits));
        }
        return text.isEmpty() ? "nothing" : text.toString();
    }
}

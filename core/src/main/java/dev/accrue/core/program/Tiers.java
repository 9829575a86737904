package dev.accrue.core.program;

import java.util.List;

/**
 * Tier bands over a measure. {@code measure} is {@link #QUALIFYING} (the rule's own basis over the period,
 * net of returns) or a period measure name ({@code net_sales}, {@code units}, ...). Bands are ordered by
 * {@code from}, the first from 0.
 */
public record Tiers(String measure, TierMode mode, List<TierBand> bands) {
    public static final String QUALIFYING = "qualifying";

    public Tiers {
        bands = List.copyOf(bands);
    }
}

package dev.accrue.core.program;

import dev.accrue.core.money.Rate;
import java.math.BigDecimal;
import java.util.List;

/** A band from {@code from} (in the measure's major units) up to the next band's {@code from}. {@code name} may be null. */
public record TierBand(String name, BigDecimal from, Rate rate, List<String> benefits) {
    public TierBand {
        benefits = List.copyOf(benefits);
    }

    public String label() {
        return name != null ? name : "from " + from.toPlainString();
    }
}

package dev.accrue.core.program;

import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;

/**
 * When a bare rate above 1 is allowed. In a currency, a rate above 1 would pay more than the basis
 * itself, which is always a typo for a percent; in a non-cash unit it is the normal way to say
 * "1.5 points per currency unit" (the loyalty example).
 */
final class RateRules {
    /** The rate, or null (with a fault) when it is above 1 and {@code unit} is a currency. */
    Rate checkEarningRate(MapReader map, String key, Rate rate, Unit unit) {
        if (rate == null || unit == null) return rate;
        if (rate.value().compareTo(BigDecimal.ONE) > 0 && unit.currency()) {
            map.error(key, "a rate of " + rate.value().toPlainString() + " pays " + rate.value().toPlainString()
                    + " times the basis; write a percent (2%) or a fraction (0.02). Rates above 1 are for non-cash units, "
                    + "e.g. points per currency unit");
            return null;
        }
        return rate;
    }
}

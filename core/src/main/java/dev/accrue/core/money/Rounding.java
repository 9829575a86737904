package dev.accrue.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where an exact decimal becomes a count of minor units. Half-even, so that rounding
 * errors do not drift one way over many lines.
 */
public final class Rounding {
    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;

    private Rounding() {}

    /** {@code major} in the unit's major units (dollars, points) to minor units (cents), half-even. */
    public static long toMinor(BigDecimal major, Unit unit) {
        return major.setScale(unit.minorDigits(), MODE).unscaledValue().longValueExact();
    }
}

package dev.accrue.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount: a count of the unit's minor units (cents for USD, whole points for points). */
public record Money(long amountMinor, Unit unit) implements Comparable<Money> {
    public Money {
        Objects.requireNonNull(unit, "unit");
    }

    public static Money zero(Unit unit) {
        return new Money(0, unit);
    }

    /**
     * Parses a decimal string such as {@code "135000.00"} exactly. More fractional digits than the unit
     * has are an error, not a rounding: input amounts are taken as they are or refused.
     */
    public static Money parse(String decimal, Unit unit) {
        BigDecimal value;
        try {
            value = new BigDecimal(decimal);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("'" + decimal + "' is not a decimal amount");
        }
        return ofMajorExact(value, unit);
    }

    /** The exact amount of {@code major} units; fails if it has more fractional digits than the unit. */
    public static Money ofMajorExact(BigDecimal major, Unit unit) {
        BigDecimal stripped = major.stripTrailingZeros();
        if (stripped.scale() > unit.minorDigits()) {
            throw new IllegalArgumentException(major.toPlainString() + " has more than " + unit.minorDigits()
                    + " decimal places for " + unit.code());
        }
        return new Money(major.movePointRight(unit.minorDigits()).longValueExact(), unit);
    }

    /** Rounds {@code major} to the unit's minor units, half-even (see {@link Rounding}). */
    public static Money ofMajorRounded(BigDecimal major, Unit unit) {
        return new Money(Rounding.toMinor(major, unit), unit);
    }

    public BigDecimal toMajor() {
        return BigDecimal.valueOf(amountMinor, unit.minorDigits());
    }

    public Money plus(Money other) {
        sameUnit(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), unit);
    }

    public Money minus(Money other) {
        sameUnit(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), unit);
    }

    public Money negate() {
        return new Money(Math.negateExact(amountMinor), unit);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public int signum() {
        return Long.signum(amountMinor);
    }

    @Override
    public int compareTo(Money other) {
        sameUnit(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    /** The amount as a plain decimal string in the unit's minor digits, e.g. {@code 4250.00}. */
    public String toDecimalString() {
        return toMajor().toPlainString();
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + unit.code();
    }

    private void sameUnit(Money other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot combine " + unit.code() + " with " + other.unit.code());
        }
    }
}

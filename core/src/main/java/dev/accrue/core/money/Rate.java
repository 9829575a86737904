package dev.accrue.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A rate as an exact decimal: {@code 2%} is 0.02 of the basis; a loyalty rate of {@code 1.5} is 1.5
 * points per currency unit. Written {@code 2%} or {@code 0.02}/{@code 1.5} in programs.
 */
public record Rate(BigDecimal value) implements Comparable<Rate> {
    public Rate {
        Objects.requireNonNull(value, "value");
    }

    public static Rate parse(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.endsWith("%")) {
                return new Rate(new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim()).movePointLeft(2));
            }
            return new Rate(new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate (write 2% or 0.02)");
        }
    }

    public boolean isPercentOver100() {
        return value.compareTo(BigDecimal.ONE) > 0;
    }

    /** Shown as a percentage when below 1 (2%), else as a plain factor (1.5). */
    public String display() {
        if (value.compareTo(BigDecimal.ONE) < 0) {
            return value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(Rate other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return display();
    }
}

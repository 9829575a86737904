package dev.accrue.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as people read them in explanations: grouped thousands, the unit's minor digits. Written out by
 * hand: a {@code DecimalFormat} made per amount was a tenth of what period closes allocated, and one kept
 * would not be safe to share between engines.
 */
final class Amounts {
    /** A threshold shows at most this many decimals. */
    private static final int THRESHOLD_DIGITS_MAX = 6;

    private Amounts() {}

    static String display(BigDecimal amount, int minorDigits) {
        // Display only; the amount itself was rounded (or not) elsewhere.
        return grouped(amount, amount.setScale(minorDigits, RoundingMode.HALF_EVEN));
    }

    /** A threshold as written, without trailing zeros: 100,000. */
    static String threshold(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(THRESHOLD_DIGITS_MAX, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return grouped(amount, rounded.scale() < 0 ? rounded.setScale(0) : rounded);
    }

    /** The rounded amount with its whole part grouped by thousands; a negative amount keeps its sign even when it rounds to zero. */
    private static String grouped(BigDecimal amount, BigDecimal rounded) {
        String digits = rounded.abs().toPlainString();
        int point = digits.indexOf('.');
        int whole = point < 0 ? digits.length() : point;
        StringBuilder text = new StringBuilder(digits.length() + whole / 3 + 1);
        if (amount.signum() < 0) text.append('-');
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) text.append(',');
            text.append(digits.charAt(i));
        }
        return text.append(digits, whole, digits.length()).toString();
    }
}

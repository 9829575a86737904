package dev.accrue.core.event;

import java.math.BigDecimal;

/**
 * Reads amounts written as plain decimal strings ({@code "60000.50"}, {@code "-12.5"}, {@code "0"}):
 * an optional minus, digits, and optionally a point followed by digits. No exponent, no plus sign, no
 * bare point, no grouping: an amount that could be read two ways is refused rather than guessed.
 */
final class Decimals {
    /** Characters in an amount string, sign and point included: far above any real amount, well below abuse. */
    static final int TEXT_LENGTH_MAX = 40;
    /** Up to this many digits the unscaled value fits a long and needs no BigInteger arithmetic. */
    private static final int LONG_DIGITS_MAX = 18;

    private Decimals() {}

    /** The exact value, or null if the text is not a plain decimal. */
    static BigDecimal parse(char[] chars, int offset, int length) {
        if (length == 0 || length > TEXT_LENGTH_MAX) return null;
        int position = offset;
        int end = offset + length;
        boolean negative = chars[position] == '-';
        if (negative) position++;
        long unscaled = 0;
        int digitCount = 0;
        int scale = -1;
        int integerDigits = 0;
        for (; position < end; position++) {
            char c = chars[position];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digitCount++;
                if (scale >= 0) scale++;
                else integerDigits++;
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (integerDigits == 0 || scale == 0) return null;
        if (digitCount > LONG_DIGITS_MAX) return new BigDecimal(chars, offset, length);
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}

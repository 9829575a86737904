package dev.accrue.core.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an amount counts: an ISO 4217 currency (with its minor digits) or a non-cash unit such as
 * {@code points} or {@code support_credits}, which count whole units.
 */
public record Unit(String code, int minorDigits, boolean currency) {
    static final int CODE_LENGTH_MAX = 40;
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern NON_CASH_CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public Unit {
        Objects.requireNonNull(code, "code");
        if (minorDigits < 0 || minorDigits > 6) throw new IllegalArgumentException("minor digits out of range: " + minorDigits);
    }

    /** Parses a currency code such as {@code USD} or a non-cash unit such as {@code points}. */
    public static Unit of(String code) {
        if (code == null || code.isEmpty() || code.length() > CODE_LENGTH_MAX) {
            throw new IllegalArgumentException("a unit is a 3-letter ISO 4217 currency code or a lower-case name, got '" + code + "'");
        }
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                Currency currency = Currency.getInstance(code);
                return new Unit(code, Math.max(0, currency.getDefaultFractionDigits()), true);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
            }
        }
        if (NON_CASH_CODE.matcher(code).matches()) return new Unit(code, 0, false);
        throw new IllegalArgumentException("a unit is a 3-letter ISO 4217 currency code (USD) or a lower-case name (points), got '"
                + code + "'" + (code.toUpperCase(Locale.ROOT).equals(code) ? "" : ""));
    }

    @Override
    public String toString() {
        return code;
    }
}

package dev.accrue.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as people read them in explanations: grouped thousands, the unit's minor digits. */
final class Amounts {
    private Amounts() {}

    static String display(BigDecimal amount, int minorDigits) {
        // Display only; the amount itself was rounded (or not) elsewhere.
        DecimalFormat format = new DecimalFormat(minorDigits == 0 ? "#,##0" : "#,##0." + "0".repeat(minorDigits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    /** A threshold as written, without trailing zeros: 100,000. */
    static String threshold(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }
}

package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Amounts in explanations read as DecimalFormat's grouped patterns would write them. */
class AmountsTest {
    @Test
    void examples() {
        assertThat(Amounts.display(new BigDecimal("135000"), 2)).isEqualTo("135,000.00");
        assertThat(Amounts.display(new BigDecimal("-1234.565"), 2)).isEqualTo("-1,234.56");
        assertThat(Amounts.display(new BigDecimal("999.5"), 0)).isEqualTo("1,000");
        assertThat(Amounts.threshold(new BigDecimal("100000.00"))).isEqualTo("100,000");
        assertThat(Amounts.threshold(new BigDecimal("0.0650"))).isEqualTo("0.065");
        assertThat(Amounts.threshold(new BigDecimal("1E+3"))).isEqualTo("1,000");
    }

    /** Seeded (STYLE.md 11): random magnitudes, scales and signs, tiny negatives that round to zero among them. */
    @Test
    void writesWhatDecimalFormatWrites() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal amount = new BigDecimal(java.math.BigInteger.valueOf(random.nextLong() >> random.nextInt(64)), random.nextInt(12) - 2);
            if (random.nextInt(10) == 0) amount = new BigDecimal("-0.000" + random.nextInt(1000));
            int minorDigits = random.nextInt(4);
            DecimalFormat display = new DecimalFormat(minorDigits == 0 ? "#,##0" : "#,##0." + "0".repeat(minorDigits),
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            display.setRoundingMode(RoundingMode.HALF_EVEN);
            DecimalFormat threshold = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
            assertThat(Amounts.display(amount, minorDigits)).as("%s at %d", amount, minorDigits).isEqualTo(display.format(amount));
            assertThat(Amounts.threshold(amount)).as("threshold %s", amount).isEqualTo(threshold.format(amount));
        }
    }
}

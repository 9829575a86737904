package dev.accrue.core.program;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Reading scalar values the way YAML writes them. */
final class Scalars {
    /** YAML 1.1 spellings of true (Jackson reports them as booleans). */
    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");

    private Scalars() {}

    static boolean isTrue(YamlNode.Scalar scalar) {
        return TRUE.contains(scalar.text().toLowerCase(Locale.ROOT));
    }

    /** The exact decimal a number is written as ({@code 1_000} included), or null if it is not one. */
    static BigDecimal decimalOrNull(String text) {
        String trimmed = text.trim().replace("_", "");
        if (trimmed.isEmpty() || trimmed.length() > 40) return null;
        try {
            return new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}

package dev.accrue.core.program;

import dev.accrue.core.condition.Suggestions;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of the fields of one map in a program document. Every fault (missing, unknown, wrong
 * type, out of range) becomes an error with the field's path and position; the read then gives null
 * and parsing goes on, so that one pass reports all faults.
 */
final class MapReader {
    final YamlNode.MapNode node;
    final String path;
    final Faults faults;

    private MapReader(YamlNode.MapNode node, String path, Faults faults) {
        this.node = node;
        this.path = path;
        this.faults = faults;
    }

    /** A reader of {@code node}, or null (with an error) when it is not a map. {@code what}: "a rule". */
    static MapReader of(YamlNode node, String path, Faults faults, String what) {
        if (node instanceof YamlNode.MapNode map) return new MapReader(map, path, faults);
        faults.at(node, path, "expected " + what + " (a map of fields), found " + node.describe());
        return null;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports every field not in {@code allowed}, with the closest allowed name and the full list. */
    void allowOnly(String what, List<String> allowed) {
        for (YamlNode.Entry entry : node.entries()) {
            if (allowed.contains(entry.key())) continue;
            String suggestion = Suggestions.closest(entry.key(), allowed);
            faults.at(entry.line(), entry.column(), path(entry.key()), "unknown field '" + entry.key() + "'"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                    + "; " + what + " has " + String.join(", ", allowed));
        }
    }

    /** The value of {@code key}, or null when it is absent or written without a value. */
    YamlNode value(String key) {
        YamlNode value = node.get(key);
        return value instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.NULL ? null : value;
    }

    boolean has(String key) {
        return value(key) != null;
    }

    /** Reports a fault in the value of {@code key} (or at the map when it is absent). */
    void error(String key, String message) {
        YamlNode value = node.get(key);
        if (value != null) faults.at(value, path(key), message);
        else faults.at(node, path(key), message);
    }

    private YamlNode present(String key, boolean required) {
        YamlNode value = value(key);
        if (value == null && required) {
            faults.at(node, path(key), node.get(key) == null ? "'" + key + "' is required" : "'" + key + "' has no value");
        }
        return value;
    }

    private YamlNode.Scalar scalar(String key, boolean required, String expected) {
        YamlNode value = present(key, required);
        if (value == null) return null;
        if (value instanceof YamlNode.Scalar scalar) return scalar;
        faults.at(value, path(key), "expected " + expected + ", found " + value.describe());
        return null;
    }

    String text(String key, boolean required) {
        YamlNode.Scalar scalar = scalar(key, required, "text");
        if (scalar == null) return null;
        if (scalar.kind() == YamlNode.ScalarKind.BOOLEAN) {
            faults.at(scalar, path(key), "expected text, found the boolean " + scalar.text() + " (put it in quotes if you mean the text)");
            return null;
        }
        String text = scalar.text().strip();
        if (text.isEmpty()) {
            faults.at(scalar, path(key), "'" + key + "' is empty");
            return null;
        }
        if (text.length() > ProgramLimits.TEXT_LENGTH_MAX) {
            faults.at(scalar, path(key), "longer than " + ProgramLimits.TEXT_LENGTH_MAX + " characters");
            return null;
        }
        return text;
    }

    /** Text that must be one of {@code allowed}. */
    String oneOf(String key, boolean required, List<String> allowed) {
        String text = text(key, required);
        if (text == null || allowed.contains(text)) return text;
        String suggestion = Suggestions.closest(text, allowed);
        error(key, "'" + text + "' is not one of " + String.join(", ", allowed)
                + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
        return null;
    }

    Integer whole(String key, boolean required, int min, int max) {
        YamlNode.Scalar scalar = scalar(key, required, "a whole number");
        if (scalar == null) return null;
        BigDecimal number = scalar.kind() == YamlNode.ScalarKind.NUMBER ? Scalars.decimalOrNull(scalar.text()) : null;
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            faults.at(scalar, path(key), "expected a whole number, found " + scalar.describe());
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            faults.at(scalar, path(key), "must be from " + min + " to " + max + ", found " + number.toPlainString());
            return null;
        }
        return number.intValueExact();
    }

    Boolean bool(String key, boolean required) {
        YamlNode.Scalar scalar = scalar(key, required, "true or false");
        if (scalar == null) return null;
        if (scalar.kind() != YamlNode.ScalarKind.BOOLEAN) {
            faults.at(scalar, path(key), "expected true or false, found " + scalar.describe());
            return null;
        }
        return Scalars.isTrue(scalar);
    }

    /** A decimal number, written as a number or as numeric text ({@code "1000.00"}). */
    BigDecimal decimal(String key, boolean required) {
        YamlNode.Scalar scalar = scalar(key, required, "a number");
        if (scalar == null) return null;
        BigDecimal number = scalar.kind() == YamlNode.ScalarKind.BOOLEAN ? null : Scalars.decimalOrNull(scalar.text());
        if (number == null) {
            faults.at(scalar, path(key), "expected a number, found " + scalar.describe());
            return null;
        }
        return number;
    }

    /**
     * A rate written {@code 2%} or {@code 0.02}: not negative, a percent not over 100%. A bare rate
     * above 1 is returned; whether it is allowed depends on the unit, which the caller knows.
     */
    Rate rate(String key, boolean required) {
        YamlNode.Scalar scalar = scalar(key, required, "a rate such as 2% or 0.02");
        if (scalar == null) return null;
        String text = scalar.text().strip();
        boolean percent = text.endsWith("%");
        BigDecimal number = scalar.kind() == YamlNode.ScalarKind.BOOLEAN ? null
                : Scalars.decimalOrNull(percent ? text.substring(0, text.length() - 1) : text);
        if (number == null) {
            faults.at(scalar, path(key), "expected a rate such as 2% or 0.02, found " + scalar.describe());
            return null;
        }
        BigDecimal fraction = percent ? number.movePointLeft(2) : number;
        if (fraction.signum() < 0) {
            faults.at(scalar, path(key), "a rate cannot be negative, found " + text);
            return null;
        }
        if (percent && fraction.compareTo(BigDecimal.ONE) > 0) {
            faults.at(scalar, path(key), text + " is over 100%");
            return null;
        }
        if (fraction.stripTrailingZeros().scale() > ProgramLimits.RATE_SCALE_MAX) {
            faults.at(scalar, path(key), "a rate has at most " + ProgramLimits.RATE_SCALE_MAX + " decimal places as a fraction, found " + text);
            return null;
        }
        return new Rate(fraction);
    }

    /** A money amount in {@code unit}, exact (no more decimals than the unit has), positive or (if allowed) zero. */
    Money money(String key, Unit unit, boolean required, boolean zeroAllowed) {
        BigDecimal amount = decimal(key, required);
        if (amount == null || unit == null) return null;
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            error(key, "must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", found " + amount.toPlainString());
            return null;
        }
        if (amount.compareTo(BigDecimal.valueOf(ProgramLimits.AMOUNT_MAJOR_MAX)) > 0) {
            error(key, "must be at most " + ProgramLimits.AMOUNT_MAJOR_MAX + ", found " + amount.toPlainString());
            return null;
        }
        if (amount.stripTrailingZeros().scale() > unit.minorDigits()) {
            error(key, amount.toPlainString() + " has more decimal places than " + unit.code() + " has (" + unit.minorDigits()
                    + "); amounts are exact, not rounded");
            return null;
        }
        return Money.ofMajorExact(amount, unit);
    }

    LocalDate date(String key, boolean required) {
        YamlNode.Scalar scalar = scalar(key, required, "a date such as 2026-01-31");
        if (scalar == null) return null;
        try {
            return LocalDate.parse(scalar.text().strip());
        } catch (DateTimeParseException e) {
            faults.at(scalar, path(key), "expected a date such as 2026-01-31, found " + scalar.describe());
            return null;
        }
    }

    MapReader map(String key, boolean required, String what) {
        YamlNode value = present(key, required);
        return value == null ? null : of(value, path(key), faults, what);
    }

    /** A list of maps, each with its indexed path ({@code rules[2]}); null when absent or not a list. */
    List<MapReader> maps(String key, boolean required, int max, String what) {
        YamlNode.ListNode list = list(key, required, max);
        if (list == null) return null;
        List<MapReader> maps = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            MapReader item = of(list.items().get(i), path(key) + "[" + i + "]", faults, what);
            if (item != null) maps.add(item);
        }
        return maps;
    }

    /** A list of short texts. */
    List<String> texts(String key, boolean required, int max) {
        YamlNode.ListNode list = list(key, required, max);
        if (list == null) return null;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (!(item instanceof YamlNode.Scalar scalar) || scalar.kind() == YamlNode.ScalarKind.NULL
                    || scalar.kind() == YamlNode.ScalarKind.BOOLEAN || scalar.text().isBlank()) {
                faults.at(item, itemPath, "expected text, found " + item.describe());
            } else if (scalar.text().length() > ProgramLimits.TEXT_LENGTH_MAX) {
                faults.at(item, itemPath, "longer than " + ProgramLimits.TEXT_LENGTH_MAX + " characters");
            } else if (texts.contains(scalar.text().strip())) {
                faults.at(item, itemPath, "'" + scalar.text().strip() + "' is listed twice");
            } else {
                texts.add(scalar.text().strip());
            }
        }
        return texts;
    }

    YamlNode.ListNode list(String key, boolean required, int max) {
        YamlNode value = present(key, required);
        if (value == null) return null;
        if (!(value instanceof YamlNode.ListNode list)) {
            faults.at(value, path(key), "expected a list, found " + value.describe());
            return null;
        }
        if (list.items().size() > max) {
            faults.at(value, path(key), "has " + list.items().size() + " items; the limit is " + max);
            return null;
        }
        return list;
    }
}

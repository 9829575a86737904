package dev.accrue.core.condition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns plain Java values into the values CEL evaluates: whole numbers as {@code Long}, decimals as
 * {@code Double} (conditions compare, they never compute amounts), dates as ISO strings
 * ({@code '2026-03-01'} compares and sorts as text), instants as CEL timestamps, maps with string
 * keys, lists. Convert once per partner version or event, not per condition.
 */
public final class CelValues {
    private CelValues() {}

    /** The CEL value of {@code value}; an unsupported type is an error naming it. */
    public static Object of(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Long whole -> whole;
            case Integer whole -> whole.longValue();
            case Short whole -> whole.longValue();
            case Byte whole -> whole.longValue();
            case BigInteger whole -> whole.bitLength() < 64 ? (Object) whole.longValueExact() : (Object) whole.doubleValue();
            case Double decimal -> decimal;
            case Float decimal -> decimal.doubleValue();
            case BigDecimal decimal -> decimal.doubleValue();
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case ZonedDateTime time -> time.toInstant();
            case LocalDate date -> date.toString();
            case Duration duration -> duration;
            case Enum<?> constant -> constant.name().toLowerCase(java.util.Locale.ROOT);
            case Map<?, ?> map -> map(map);
            case Collection<?> items -> list(items);
            default -> throw new IllegalArgumentException("a condition cannot read a " + value.getClass().getName()
                    + "; give it a string, number, boolean, date, instant, list or map");
        };
    }

    /** A map of CEL values, unmodifiable; keys become strings; a null value stays null (CEL's {@code null}). */
    public static Map<String, Object> map(Map<?, ?> values) {
        Map<String, Object> converted = new HashMap<>(Math.max(4, values.size() * 2));
        values.forEach((key, item) -> converted.put(String.valueOf(key), of(item)));
        return Collections.unmodifiableMap(converted);
    }

    private static List<Object> list(Collection<?> items) {
        List<Object> converted = new ArrayList<>(items.size());
        for (Object item : items) converted.add(of(item));
        return Collections.unmodifiableList(converted);
    }
}

package dev.accrue.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a test writes ({@code 30}, {@code true}, {@code List.of("installer")}) into the values the
 * parsers produce (Long, Boolean, BigDecimal, immutable List and Map), so a built event or partner equals
 * the parsed one. Floating point is refused: it is never how Accrue carries a number.
 */
final class Values {
    private Values() {}

    static Object normalize(Object value) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("values are never null; leave the field out instead");
            case String text -> text;
            case Boolean flag -> flag;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case BigDecimal decimal -> decimal;
            case Double unused -> throw new IllegalArgumentException("no floating point: write a decimal as a String or BigDecimal, got " + value);
            case Float unused -> throw new IllegalArgumentException("no floating point: write a decimal as a String or BigDecimal, got " + value);
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) items.add(normalize(item));
                yield List.copyOf(items);
            }
            case Map<?, ?> map -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                map.forEach((key, item) -> fields.put((String) key, normalize(item)));
                yield Map.copyOf(fields);
            }
            default -> throw new IllegalArgumentException("unsupported value type " + value.getClass().getName() + ": " + value);
        };
    }
}

package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import dev.accrue.core.partner.Partner;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the maps conditions see: {@code partner} (cached per partner version, since a partner's
 * attributes change rarely and are read for every event) and {@code event}.
 */
final class ConditionViews {
    private final Map<Partner.Version, Map<String, Object>> partnerViews = new IdentityHashMap<>();

    Map<String, Object> partner(Partner partner, Partner.Version version) {
        return partnerViews.computeIfAbsent(version, v -> {
            Map<String, Object> view = new HashMap<>();
            v.attributes().forEach((key, value) -> view.put(key, celValue(value)));
            view.put("attributes", celValue(v.attributes()));
            view.put("id", partner.id());
            putIfPresent(view, "name", partner.name());
            putIfPresent(view, "type", v.type());
            putIfPresent(view, "tier", v.tier());
            putIfPresent(view, "parent", partner.parent());
            return Map.copyOf(view);
        });
    }

    /** The event's data plus {@code type}, {@code occurred_at} (ISO instant) and {@code date} (in the program's zone). */
    static Map<String, Object> event(Event event, ZoneId zone) {
        Map<String, Object> view = new HashMap<>(event.data().size() + 4);
        event.data().forEach((key, value) -> view.put(key, celValue(value)));
        view.put("type", event.type());
        view.put("occurred_at", event.occurredAt().toString());
        view.put("date", event.occurredAt().atZone(zone).toLocalDate().toString());
        if (event.partnerId() != null) view.put("partner", event.partnerId());
        return view;
    }

    /** Java values to CEL's: whole numbers as Long, decimals as the nearest double (conditions only, never amounts). */
    static Object celValue(Object value) {
        if (value instanceof BigDecimal decimal) return decimal.doubleValue();
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) return ((Number) value).longValue();
        if (value instanceof Float f) return f.doubleValue();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new HashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), celValue(item)));
            return converted;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            for (Object item : list) converted.add(celValue(item));
            return converted;
        }
        return value;
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) view.put(key, value);
    }
}

package dev.accrue.core.engine;

import dev.accrue.core.condition.CelValues;
import dev.accrue.core.event.Event;
import dev.accrue.core.partner.Partner;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
            v.attributes().forEach((key, value) -> view.put(key, CelValues.of(value)));
            view.put("attributes", CelValues.of(v.attributes()));
            view.put("id", partner.id());
            putIfPresent(view, "name", partner.name());
            putIfPresent(view, "type", v.type());
            putIfPresent(view, "tier", v.tier());
            putIfPresent(view, "parent", partner.parent());
            return Map.copyOf(view);
        });
    }

    /** The event's data plus {@code type}, {@code occurred_at} (a timestamp) and {@code date} (in the program's zone). */
    static Map<String, Object> event(Event event, ZoneId zone) {
        Map<String, Object> view = new HashMap<>(event.data().size() + 4);
        event.data().forEach((key, value) -> view.put(key, CelValues.of(value)));
        view.put("type", event.type());
        view.put("occurred_at", event.occurredAt());
        view.put("date", event.occurredAt().atZone(zone).toLocalDate().toString());
        if (event.partnerId() != null) view.put("partner", event.partnerId());
        return view;
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) view.put(key, value);
    }
}

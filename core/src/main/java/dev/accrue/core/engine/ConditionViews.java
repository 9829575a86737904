package dev.accrue.core.engine;

import dev.accrue.core.condition.CelValues;
import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.event.Event;
import dev.accrue.core.partner.Partner;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the maps conditions see: {@code partner} (cached per partner version, since a partner's
 * attributes change rarely and are read for every event) and {@code event}.
 */
final class ConditionViews {
    private final Map<Partner.Version, PartnerState> partnerStates = new IdentityHashMap<>();
    private final Numbering partnerNumbers = new Numbering();

    /**
     * A partner version as the engine judges it: its view for conditions, and which programs' tracks select
     * it, found once per version and track (a track's {@code partners} condition reads only the partner).
     */
    static final class PartnerState {
        private static final byte UNKNOWN = 0;
        private static final byte SELECTED = 1;
        private static final byte NOT_SELECTED = 2;

        final Map<String, Object> view;
        /** The partner's number ({@link #number}), the same for all its versions. */
        final int number;
        /** By the engine-wide track number (ProgramRun's first track number plus the track's index). */
        private byte[] selected = new byte[0];
        /** By event type: the engine's contests for it, cut to the programs with a track that selects this partner. */
        final Map<String, List<List<ProgramRun>>> contestsByType = new HashMap<>(4);

        private PartnerState(Map<String, Object> view, int number) {
            this.view = view;
            this.number = number;
        }

        boolean selectedBy(int track, Condition partners) {
            if (track >= selected.length) selected = java.util.Arrays.copyOf(selected, Math.max(track + 1, selected.length * 2));
            if (selected[track] == UNKNOWN) {
                selected[track] = partners.test(new ConditionInput(view, Map.of(), Map.of(), Map.of(), Map.of())) ? SELECTED : NOT_SELECTED;
            }
            return selected[track] == SELECTED;
        }
    }

    /** A partner's number, from 0 in the order the engine first meets them: state by partner is kept in arrays. */
    int number(String partnerId) {
        return partnerNumbers.number(partnerId);
    }

    Map<String, Object> partner(Partner partner, Partner.Version version) {
        return state(partner, version).view;
    }

    PartnerState state(Partner partner, Partner.Version version) {
        PartnerState known = partnerStates.get(version); // asked for every event: no capturing lambda to make
        if (known != null) return known;
        return partnerStates.computeIfAbsent(version, v -> {
            Map<String, Object> view = new HashMap<>();
            v.attributes().forEach((key, value) -> view.put(key, CelValues.of(value)));
            view.put("attributes", CelValues.of(v.attributes()));
            view.put("id", partner.id());
            putIfPresent(view, "name", partner.name());
            putIfPresent(view, "type", v.type());
            putIfPresent(view, "tier", v.tier());
            putIfPresent(view, "parent", partner.parent());
            return new PartnerState(Map.copyOf(view), number(partner.id()));
        });
    }

    /**
     * The event's data plus {@code type}, {@code occurred_at} (a timestamp) and {@code date} (in the program's
     * zone), as CEL values. A view, not a copy: a value is converted when a condition reads it, so an event
     * costs nothing for the fields no condition reads (most of them, for most programs).
     */
    static Map<String, Object> event(Event event, ZoneId zone) {
        return new EventView(event, zone);
    }

    private static final class EventView extends AbstractMap<String, Object> {
        private static final String TYPE = "type";
        private static final String OCCURRED_AT = "occurred_at";
        private static final String DATE = "date";
        private static final String PARTNER = "partner";

        private final Event event;
        private final ZoneId zone;
        private String date;

        EventView(Event event, ZoneId zone) {
            this.event = event;
            this.zone = zone;
        }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String name)) return null;
            return switch (name) {
                case TYPE -> event.type();
                case OCCURRED_AT -> event.occurredAt();
                case DATE -> date();
                case PARTNER -> event.partnerId() != null ? event.partnerId() : CelValues.of(event.data().get(PARTNER));
                default -> CelValues.of(event.data().get(name));
            };
        }

        /** One look into the event's data, where {@code get} and then {@code containsKey} would take two. */
        @Override
        public Object getOrDefault(Object key, Object fallback) {
            if (!(key instanceof String name)) return fallback;
            return switch (name) {
                case TYPE, OCCURRED_AT, DATE -> get(name);
                case PARTNER -> containsKey(name) ? get(name) : fallback;
                default -> {
                    Object raw = event.data().getOrDefault(name, fallback);
                    yield raw == fallback ? fallback : CelValues.of(raw);
                }
            };
        }

        @Override
        public boolean containsKey(Object key) {
            if (!(key instanceof String name)) return false;
            return switch (name) {
                case TYPE, OCCURRED_AT, DATE -> true;
                case PARTNER -> event.partnerId() != null || event.data().containsKey(PARTNER);
                default -> event.data().containsKey(name);
            };
        }

        private String date() {
            if (date == null) date = event.occurredAt().atZone(zone).toLocalDate().toString();
            return date;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> copy = new HashMap<>(event.data().size() + 4);
            event.data().forEach((key, value) -> copy.put(key, CelValues.of(value)));
            copy.put(TYPE, event.type());
            copy.put(OCCURRED_AT, event.occurredAt());
            copy.put(DATE, date());
            if (event.partnerId() != null) copy.put(PARTNER, event.partnerId());
            return Collections.unmodifiableMap(copy).entrySet();
        }
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) view.put(key, value);
    }
}

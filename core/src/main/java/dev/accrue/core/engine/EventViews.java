package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import java.time.ZoneId;
import java.util.Map;

/**
 * One event's condition views ({@link ConditionViews#event}), one per time zone (its {@code date} is in the
 * program's zone), made once per event instead of once per program: most programs share a zone or two.
 */
final class EventViews {
    private final Event event;
    private ZoneId firstZone;
    private Map<String, Object> firstView;
    private ZoneId secondZone;
    private Map<String, Object> secondView;

    EventViews(Event event) {
        this.event = event;
    }

    Map<String, Object> in(ZoneId zone) {
        if (zone.equals(firstZone)) return firstView;
        if (zone.equals(secondZone)) return secondView;
        Map<String, Object> view = ConditionViews.event(event, zone);
        if (firstZone == null) {
            firstZone = zone;
            firstView = view;
        } else {
            // Two kept: the second slot follows the latest other zone.
            secondZone = zone;
            secondView = view;
        }
        return view;
    }
}

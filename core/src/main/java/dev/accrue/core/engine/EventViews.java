package dev.accrue.core.engine;

import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.event.Event;
import java.time.ZoneId;
import java.util.Map;

/**
 * One event's condition input for its partner and customer, one per time zone (the event view's {@code date}
 * is in the program's zone, {@link ConditionViews#event}), made once per event instead of once per program:
 * most programs share a zone or two.
 */
final class EventViews {
    private final Event event;
    private final Map<String, Object> partnerView;
    private final Map<String, Object> customerView;
    private ZoneId firstZone;
    private ConditionInput firstInput;
    private ZoneId secondZone;
    private ConditionInput secondInput;

    EventViews(Event event, Map<String, Object> partnerView, Map<String, Object> customerView) {
        this.event = event;
        this.partnerView = partnerView;
        this.customerView = customerView;
    }

    /** What event rules' conditions see; its {@code event} is the event view in the zone. */
    ConditionInput input(ZoneId zone) {
        if (zone.equals(firstZone)) return firstInput;
        if (zone.equals(secondZone)) return secondInput;
        ConditionInput input = new ConditionInput(partnerView, ConditionViews.event(event, zone), customerView, Map.of(), Map.of());
        if (firstZone == null) {
            firstZone = zone;
            firstInput = input;
        } else {
            // Two kept: the second slot follows the latest other zone.
            secondZone = zone;
            secondInput = input;
        }
        return input;
    }
}

package dev.accrue.core.event;

import java.util.List;

/**
 * The events of a whole input that parsed, in input order, and the lines that did not.
 *
 * @param errors     the first {@link EventParser#ERRORS_KEPT_MAX} refused lines
 * @param errorCount all refused lines, kept or not
 */
public record EventBatch(List<Event> events, List<LineError> errors, long errorCount) {
    public EventBatch {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }
}

package dev.accrue.postgres.events;

import dev.accrue.core.Invariants;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one store call and what became of each. Each id is stored at most once, from its first
 * occurrence, with the JSON it was sent as (or, given none, its canonical JSON); every id is judged against
 * its reference content: what is stored already (parsed back), else its first occurrence in the call. An
 * equal {@link Event} (same fields, same data entries, amounts to their scale): a duplicate; other: a
 * conflict. Two texts of one event differ only in layout, key order or time offset, which the event does not keep.
 */
final class Batch {
    private final List<Event> given;
    /** First occurrences, in the order given, with the JSON to store for each. */
    final List<Event> unique = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    /** Made when something stored must be read back: most calls find nothing stored. */
    private EventParser parser;
    private final List<Integer> firstPositions = new ArrayList<>();
    /** For every event given: the index of its id's first occurrence in {@link #unique}. */
    private final int[] firstOf;
    /** Per first occurrence: the event stored before this call (null: none), and whether this call added it. */
    private Event[] stored;
    private boolean[] judged;
    private boolean[] added;

    private Batch(List<Event> given, List<String> sent) {
        this.given = given;
        this.firstOf = new int[given.size()];
        Map<String, Integer> indexById = new HashMap<>();
        for (int position = 0; position < given.size(); position++) {
            Event event = given.get(position);
            Integer first = indexById.putIfAbsent(event.id(), unique.size());
            if (first == null) {
                firstOf[position] = unique.size();
                unique.add(event);
                String text = sent == null ? null : sent.get(position);
                json.add(text != null ? text : EventJson.write(event));
                firstPositions.add(position);
            } else {
                firstOf[position] = first;
            }
        }
        forgetStoredVerdicts();
    }

    /** The events, each stored as its text in {@code sent} (the JSON it was parsed from) or, where that or {@code sent} is null, as canonical JSON. */
    static Batch of(List<Event> events, List<String> sent) {
        Invariants.check(sent == null || sent.size() == events.size(), "one text per event");
        return new Batch(events, sent);
    }

    List<String> ids() {
        return unique.stream().map(Event::id).toList();
    }

    /** Takes what is stored for some of the ids (id → stored JSON). */
    void judge(Map<String, String> storedJson) {
        for (int index = 0; index < unique.size(); index++) {
            String text = storedJson.get(unique.get(index).id());
            if (text != null) {
                stored[index] = parsed(text);
                judged[index] = true;
            }
        }
    }

    private Event parsed(String text) {
        if (parser == null) parser = new EventParser();
        EventResult result = parser.parse(text);
        if (result instanceof EventResult.Valid valid) return valid.event();
        throw new IllegalStateException("a stored event does not parse: " + ((EventResult.Invalid) result).error() + " in " + text);
    }

    void added(int index) {
        added[index] = true;
        judged[index] = true;
    }

    /** The first occurrences not yet judged, sorted by id: the order every writer inserts in. */
    List<Integer> undecided() {
        List<Integer> open = new ArrayList<>();
        for (int index = 0; index < unique.size(); index++) if (!judged[index]) open.add(index);
        open.sort(Comparator.comparing(index -> unique.get(index).id()));
        return open;
    }

    List<Event> events(List<Integer> indexes) {
        return indexes.stream().map(unique::get).toList();
    }

    List<String> json(List<Integer> indexes) {
        return indexes.stream().map(json::get).toList();
    }

    /** True when some event given differs from its id's reference content. */
    boolean hasConflicts() {
        for (int position = 0; position < given.size(); position++) if (conflicts(position)) return true;
        return false;
    }

    private boolean conflicts(int position) {
        int index = firstOf[position];
        Event reference = stored[index] != null ? stored[index] : unique.get(index);
        return !reference.equals(given.get(position));
    }

    /** A new attempt reads everything again. */
    void forgetStoredVerdicts() {
        stored = new Event[unique.size()];
        judged = new boolean[unique.size()];
        added = new boolean[unique.size()];
    }

    /** What the call did; {@code written} false when it stored nothing after all (a conflict, all or nothing). */
    EventRepository.Stored outcome(List<Event> events, boolean written) {
        List<Event> addedEvents = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (int position = 0; position < events.size(); position++) {
            int index = firstOf[position];
            Event event = events.get(position);
            boolean first = firstPositions.get(index) == position;
            if (conflicts(position)) {
                conflicts.add(event.id());
            } else if (first && stored[index] == null) {
                Invariants.check(!written || added[index], "a new event of a written batch was added");
                if (written) addedEvents.add(event);
            } else {
                duplicates.add(event.id());
            }
        }
        return new EventRepository.Stored(addedEvents, duplicates, conflicts);
    }
}

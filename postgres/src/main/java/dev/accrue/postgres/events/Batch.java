package dev.accrue.postgres.events;

import dev.accrue.core.Invariants;
import dev.accrue.core.event.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one store call and what became of each. Each id is stored at most once, from its first
 * occurrence; every id is judged against its reference content: what is stored already, else its first
 * occurrence in the call. Same canonical JSON: a duplicate; other: a conflict.
 */
final class Batch {
    private final List<Event> given;
    /** First occurrences, in the order given, with their canonical JSON. */
    final List<Event> unique = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    private final List<Integer> firstPositions = new ArrayList<>();
    /** For every event given: the index of its id's first occurrence in {@link #unique}. */
    private final int[] firstOf;
    private final String[] jsonOf;
    /** Per first occurrence: the content stored before this call (null: none), and whether this call added it. */
    private String[] storedJson;
    private boolean[] judged;
    private boolean[] added;

    private Batch(List<Event> given) {
        this.given = given;
        this.firstOf = new int[given.size()];
        this.jsonOf = new String[given.size()];
        Map<String, Integer> indexById = new HashMap<>();
        for (int position = 0; position < given.size(); position++) {
            Event event = given.get(position);
            String text = EventJson.write(event);
            jsonOf[position] = text;
            Integer first = indexById.putIfAbsent(event.id(), unique.size());
            if (first == null) {
                firstOf[position] = unique.size();
                unique.add(event);
                json.add(text);
                firstPositions.add(position);
            } else {
                firstOf[position] = first;
            }
        }
        forgetStoredVerdicts();
    }

    static Batch of(List<Event> events) {
        return new Batch(events);
    }

    List<String> ids() {
        return unique.stream().map(Event::id).toList();
    }

    /** Takes what is stored for some of the ids (id → canonical JSON). */
    void judge(Map<String, String> stored) {
        for (int index = 0; index < unique.size(); index++) {
            String text = stored.get(unique.get(index).id());
            if (text != null) {
                storedJson[index] = text;
                judged[index] = true;
            }
        }
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
        String reference = storedJson[index] != null ? storedJson[index] : json.get(index);
        return !reference.equals(jsonOf[position]);
    }

    /** A new attempt reads everything again. */
    void forgetStoredVerdicts() {
        storedJson = new String[unique.size()];
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
            } else if (first && storedJson[index] == null) {
                Invariants.check(!written || added[index], "a new event of a written batch was added");
                if (written) addedEvents.add(event);
            } else {
                duplicates.add(event.id());
            }
        }
        return new EventRepository.Stored(addedEvents, duplicates, conflicts);
    }
}

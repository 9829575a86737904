package dev.accrue.http.port;

import dev.accrue.core.event.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where ingested events are kept. {@link #store} is durable when it returns: the events are committed,
 * so the API may acknowledge them. Events whose partner is not known yet are kept like any other.
 */
public interface EventStore {

    /**
     * What one {@link #store} call did.
     *
     * @param added      the events that were new, in the order given
     * @param duplicates ids that were stored before (or repeated in the call) with the same content: acknowledged, ignored
     * @param conflicts  ids stored before with other content: refused, nothing changed for them
     */
    record Outcome(List<Event> added, List<String> duplicates, List<String> conflicts) {}

    /**
     * Stores the events whose ids are new, all in one transaction, committed before it returns. A repeat of
     * an id inside the call counts once: judged against the first occurrence (or what is stored already);
     * the same content is an equal {@link Event}.
     *
     * @param sent the JSON text each event was parsed from, index by index, kept as the stored content (so it
     *             is not written again); where a text or the list is null, the store writes canonical JSON
     */
    Outcome store(List<Event> events, List<String> sent);

    /** {@link #store(List, List)} of events that come without their text. */
    default Outcome store(List<Event> events) {
        return store(events, null);
    }

    /**
     * {@link #store}, all or nothing: if any event is a conflict, nothing is stored ({@code added} is
     * empty) and the conflicts are reported.
     */
    Outcome storeAllOrNothing(List<Event> events, List<String> sent);

    /** Every stored event in (occurred_at, id) order: what the engine replays. */
    void forEachInOrder(Consumer<Event> sink);

    /** How many events are stored. */
    long count();
}

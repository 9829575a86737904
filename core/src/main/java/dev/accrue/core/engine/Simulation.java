package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the engine over a set of events and closes every period that ends on or before the close-through
 * date (by default the last event's date). The result depends only on the set: duplicates by id count
 * once (the first seen), and events are taken in (occurred_at, id) order. An input whose distinct events
 * are already in time order is streamed, repeats skipped and the events of one instant put in id order on
 * the way; any other is read again, de-duplicated and sorted in memory.
 */
public final class Simulation {
    private Simulation() {}

    public record Result(List<Earning> earnings, Engine.Stats stats, LocalDate through, long duplicates) {}

    /** Events read afresh on each call, in input order (a file is read at most twice). */
    @FunctionalInterface
    public interface EventSource {
        void forEach(Consumer<Event> sink);

        /**
         * About how many events there are, or 0 if not known. The tables kept by event and by sale line are
         * made that large from the start: each doubling leaves its old arrays, hundreds of megabytes at ten
         * million lines, to the collector (10M lines, 3 pairs: pauses 6.0 s against 8.4 s, and no full collection).
         */
        default int expectedEvents() {
            return 0;
        }
    }

    /** Thrown inside a streaming attempt when the input turns out not to be in order. */
    static final class NotStreamable extends RuntimeException {
        NotStreamable() {
            super(null, null, false, false);
        }
    }

    /**
     * @param through the close-through date, or null for the last event's date (UTC)
     */
    public static Result run(List<ProgramVersion> programs, PartnerLookup partners, EventSource events, LocalDate through) {
        return run(programs, partners, events, through, defaultEngines());
    }

    /**
     * One engine per processor but one: the events are read, de-duplicated and put in order on a thread of
     * their own ({@link SharedRun}), and every engine repeats the work every event costs whatever its
     * programs (measures, sale lines), so on two processors a second engine cost a third more CPU for no gain
     * in time (docs/benchmarks.md, section 1).
     */
    static int defaultEngines() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * @param threads how many engines may run side by side, each over a share of the programs
     *                ({@link ProgramShares}); the result is the same for any number
     */
    public static Result run(List<ProgramVersion> programs, PartnerLookup partners, EventSource events, LocalDate through,
                             int threads) {
        try {
            return SharedRun.streamed(programs, partners, events, through, ProgramShares.split(programs, threads));
        } catch (NotStreamable unordered) {
            return sorted(programs, partners, events, through);
        }
    }

    /** Hands events on in (occurred_at, id) order, each id once; throws {@link NotStreamable} on input that goes back in time. */
    static final class InOrder implements Consumer<Event> {
        private final Consumer<Event> next;
        private final IdHashSet seen;
        private final List<Event> sameInstant = new ArrayList<>();
        long duplicates;
        Event last;

        InOrder(Consumer<Event> next, int expected) {
            this.next = next;
            this.seen = new IdHashSet(expected);
        }

        @Override
        public void accept(Event event) {
            if (!seen.add(event.id())) {
                duplicates++;
                return;
            }
            if (!sameInstant.isEmpty()) {
                int order = event.occurredAt().compareTo(sameInstant.get(0).occurredAt());
                if (order < 0) throw new NotStreamable();
                if (order > 0) handOver();
            }
            sameInstant.add(event);
        }

        void finish() {
            if (!sameInstant.isEmpty()) handOver();
        }

        /** Gives on the events of one instant, by id. */
        private void handOver() {
            if (sameInstant.size() > 1) sameInstant.sort(Event::chronological);
            for (int i = 0; i < sameInstant.size(); i++) next.accept(sameInstant.get(i));
            last = sameInstant.get(sameInstant.size() - 1);
            sameInstant.clear();
        }
    }

    /** The close-through date: the one asked for, else the last event's date (UTC). */
    static LocalDate closeThrough(LocalDate through, Event last) {
        if (through == null && last != null) return last.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return through;
    }

    private static Result sorted(List<ProgramVersion> programs, PartnerLookup partners, EventSource events, LocalDate through) {
        List<Event> unique = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long[] duplicates = new long[1];
        events.forEach(event -> {
            if (ids.add(event.id())) unique.add(event);
            else duplicates[0]++;
        });
        unique.sort(Event::chronological);
        Engine engine = new Engine(programs, partners, through);
        unique.forEach(engine::accept);
        LocalDate closeThrough = closeThrough(through, unique.isEmpty() ? null : unique.get(unique.size() - 1));
        if (closeThrough != null) engine.closeThrough(closeThrough);
        List<Earning> earnings = new ArrayList<>(engine.closedEarnings());
        earnings.addAll(engine.openEarnings());
        return new Result(earnings, engine.stats(), closeThrough, duplicates[0]);
    }
}

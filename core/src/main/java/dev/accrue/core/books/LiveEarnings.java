package dev.accrue.core.books;

import dev.accrue.core.engine.ClosePolicy;
import dev.accrue.core.engine.Earning;
import dev.accrue.core.engine.Engine;
import dev.accrue.core.engine.PartnerLookup;
import dev.accrue.core.engine.ProgramVersion;
import dev.accrue.core.event.Event;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live books: the engine on the events as they arrive, booked through the {@link Bookkeeper}. Pure:
 * the caller gives the stored events (in order, for replays) and a writer that puts each plan on the
 * ledger before it is recorded as written. Not thread-safe: one booker drives it.
 *
 * <p>Events are taken in arrival order and their open periods' provisional earnings re-accrued. Whenever
 * order matters for the final figures — a period is closed, an event arrives for a closed period, an event
 * set aside for an unknown partner can now be evaluated — the books replay every stored event in
 * (occurred_at, id) order, so the final figures depend only on the set of events.
 */
public final class LiveEarnings {

    /** Where the books write: the ledger first, then the record of what was written. */
    public interface Writer {
        /** Writes the plan's accounts and transfers; throws if any transfer is refused. */
        void write(Plan plan);

        /** Records a period close and the final earnings of the periods it closed. */
        void closed(ProgramId program, PeriodId through, List<Earning> finals, Instant at);
    }

    /** Every stored event, in (occurred_at, id) order. */
    public interface EventSource {
        void forEachInOrder(Consumer<Event> sink);
    }

    private final List<ProgramVersion> programs;
    private final PartnerLookup partners;
    private final Map<ProgramId, PeriodId> closedThrough;
    private final Bookkeeper bookkeeper;
    private final EventSource events;
    private final Writer writer;
    private Engine engine;
    private long replays;
    /** No event at or after this instant falls in a closed period of any program (null: none is closed). */
    private Instant lateBefore;

    public LiveEarnings(List<ProgramVersion> programs, PartnerLookup partners, Map<ProgramId, PeriodId> closedThrough,
                        Bookkeeper bookkeeper, EventSource events, Writer writer) {
        this.programs = List.copyOf(programs);
        this.partners = partners;
        this.closedThrough = new HashMap<>(closedThrough);
        this.bookkeeper = bookkeeper;
        this.events = events;
        this.writer = writer;
        this.lateBefore = lateBefore(this.closedThrough);
    }

    /**
     * A bound past every closed period's end, whatever the program's time zone: a period ends at midnight
     * after its last day, local time, which is before 00:00 UTC two days after that day. Asking the engine
     * whether an event is late costs a calendar lookup per program; an event after this bound cannot be.
     */
    private static Instant lateBefore(Map<ProgramId, PeriodId> closedThrough) {
        Instant bound = null;
        for (PeriodId through : closedThrough.values()) {
            Instant end = through.lastDay().plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            if (bound == null || end.isAfter(bound)) bound = end;
        }
        return bound;
    }

    /**
     * Replays the stored events and brings the ledger to them: what a restart does. A close that was
     * recorded but not (or not wholly) booked before a crash is booked now; what was booked is not again.
     */
    public void start(Instant at) {
        engine = replay();
        List<ProgramId> closedPrograms = new ArrayList<>(closedThrough.keySet());
        closedPrograms.sort(null);
        for (ProgramId program : closedPrograms) {
            book(bookkeeper.close(program, closedThrough.get(program), engine.closedEarnings(), at));
        }
        reconcile(at);
    }

    /** Takes newly stored events and books what they change. */
    public void accept(List<Event> arrived, Instant at) {
        if (engine == null) {
            replayAndReconcile(at);
            return;
        }
        boolean late = false;
        for (Event event : arrived) {
            late |= lateBefore != null && event.occurredAt().isBefore(lateBefore) && engine.isLate(event);
            engine.accept(event);
        }
        if (late || engine.unknownPartners().stream().anyMatch(id -> partners.find(id) != null)) {
            replayAndReconcile(at);
        } else {
            book(bookkeeper.provisional(engine.drainProvisional(), false, at));
        }
    }

    /**
     * Closes a program's periods through {@code through}: replays in order, records the close and the final
     * earnings (first, so that a crash before the ledger is written is finished by {@link #start}), then
     * posts what passed its gates, voids the rest, trues up. Closing what is already closed does nothing.
     */
    public boolean close(ProgramId program, PeriodId through, Instant at) {
        PeriodId already = closedThrough.get(program);
        if (already != null && through.compareTo(already) <= 0) return false;
        closedThrough.put(program, through);
        lateBefore = lateBefore(closedThrough);
        Engine replayed = replay();
        List<Earning> finals = replayed.closedEarnings();
        List<Earning> closedNow = new ArrayList<>();
        for (Earning earning : finals) {
            if (earning.program().equals(program) && (already == null || earning.period().compareTo(already) > 0)) closedNow.add(earning);
        }
        writer.closed(program, through, closedNow, at);
        book(bookkeeper.close(program, through, finals, at));
        engine = replayed;
        reconcile(at);
        return true;
    }

    /** The first open period of a program: where adjustments are booked. */
    public PeriodId openPeriod(ProgramId program) {
        PeriodId through = closedThrough.get(program);
        return through == null ? null : through.next();
    }

    public PeriodId closedThrough(ProgramId program) {
        return closedThrough.get(program);
    }

    /** The engine as it stands, for reading provisional earnings. */
    public Engine engine() {
        return engine;
    }

    /** How many times the books replayed the events: for operations and tests. */
    public long replays() {
        return replays;
    }

    private void replayAndReconcile(Instant at) {
        engine = replay();
        reconcile(at);
    }

    /** Adjusts closed lines to the replayed finals and open lines to the replayed provisional earnings. */
    private void reconcile(Instant at) {
        book(bookkeeper.adjust(engine.closedEarnings(), this::openPeriod, at));
        book(bookkeeper.provisional(engine.openEarnings(), true, at));
    }

    private Engine replay() {
        replays++;
        Map<ProgramId, PeriodId> closed = Map.copyOf(closedThrough);
        ClosePolicy policy = (program, period) -> {
            PeriodId through = closed.get(program);
            return through != null && period.compareTo(through) <= 0;
        };
        Engine replayed = Engine.live(programs, partners, policy);
        events.forEachInOrder(replayed::accept);
        replayed.closeAllowed();
        replayed.discardProvisional();
        return replayed;
    }

    private void book(Plan plan) {
        if (plan.isEmpty()) return;
        writer.write(plan);
        bookkeeper.apply(plan);
    }
}

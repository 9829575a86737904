package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

/**
 * A streamed simulation: the calling thread reads the events (the source's work: parsing, for a file),
 * skips repeats and puts them in order ({@link Simulation.InOrder}), and hands them over in batches to one
 * engine per share of the programs, each on a thread of its own. So even with one engine, reading and
 * judging take their time side by side. Every engine takes every event and judges its own programs. Programs of different shares do not interact, so each engine's earnings are what one engine
 * over all the programs would give for them; they are put back in that engine's order (closes by the event
 * at which they happened, then by program), so the result is the same, earning for earning, in the same order.
 */
final class SharedRun {
    /** Events per hand-over: the queue then costs nothing per event. */
    private static final int BATCH = 1024;
    /**
     * Batches an engine may lag behind by. Few: the engines are the slower side, so their queues are always
     * full, and every event in them survives each young collection (at 64 batches, 10 million lines took
     * 26 s of young pauses instead of 15 s).
     */
    private static final int AHEAD = 4;
    private static final Batch END = new Batch(new Event[0], new int[0]);

    /** Events in order, each with the number of the line it puts or names ({@link LineNumbers#numberOf}). */
    private record Batch(Event[] events, int[] lines) {}

    private SharedRun() {}

    static Simulation.Result streamed(List<ProgramVersion> programs, PartnerLookup partners, Simulation.EventSource events,
                                      LocalDate through, List<Predicate<ProgramVersion>> shares) {
        List<Worker> workers = new ArrayList<>();
        int expected = events.expectedEvents();
        for (int s = 0; s < shares.size(); s++) {
            workers.add(new Worker(new Engine(programs, partners, through, shares.get(s), expected), s));
        }
        workers.forEach(Worker::start);
        boolean handedOver = false;
        Simulation.InOrder inOrder;
        try {
            Batches batches = new Batches(workers, expected);
            inOrder = new Simulation.InOrder(event -> batches.accept(Engine.withPartnersOwnId(event, partners)), expected);
            events.forEach(inOrder);
            inOrder.finish();
            batches.flush();
            LocalDate closeThrough = Simulation.closeThrough(through, inOrder.last);
            for (Worker worker : workers) worker.closeThrough = closeThrough;
            for (Worker worker : workers) worker.put(END);
            handedOver = true;
        } finally {
            if (!handedOver) workers.forEach(worker -> worker.thread.interrupt());
            workers.forEach(Worker::join);
        }
        for (Worker worker : workers) worker.rethrow();

        List<Keyed> closed = new ArrayList<>();
        List<Keyed> open = new ArrayList<>();
        for (Worker worker : workers) {
            List<Earning> closedHere = worker.engine.closedEarnings();
            List<long[]> keys = worker.engine.closedKeys();
            for (int i = 0; i < closedHere.size(); i++) closed.add(new Keyed(keys.get(i)[0], keys.get(i)[1], closedHere.get(i)));
            open.addAll(worker.open);
        }
        // Stable sorts: within one close of one program, an engine's own order stands.
        Comparator<Keyed> byClose = Comparator.comparingLong(Keyed::seq).thenComparingLong(Keyed::program);
        closed.sort(byClose);
        open.sort(byClose);
        List<Earning> earnings = new ArrayList<>(closed.size() + open.size());
        closed.forEach(keyed -> earnings.add(keyed.earning()));
        open.forEach(keyed -> earnings.add(keyed.earning()));
        // Every engine takes every event and judges attribution from all programs: their counts agree.
        Engine first = workers.get(0).engine;
        return new Simulation.Result(earnings, first.stats(), workers.get(0).closeThrough, inOrder.duplicates);
    }

    private record Keyed(long seq, long program, Earning earning) {}

    /**
     * Collects the events in order into batches and gives each batch to every engine. Numbers the lines on
     * the way: the id table behind the numbers is the largest the engine would otherwise probe.
     */
    private static final class Batches implements java.util.function.Consumer<Event> {
        private final List<Worker> workers;
        private final LineNumbers lineNumbers;
        private Event[] events = new Event[BATCH];
        private int[] lines = new int[BATCH];
        private int size;

        /** @param expected about how many events (and so at most how many lines) there are; 0: not known */
        Batches(List<Worker> workers, int expected) {
            this.workers = workers;
            this.lineNumbers = new LineNumbers(expected);
        }

        @Override
        public void accept(Event event) {
            events[size] = event;
            lines[size++] = lineNumbers.numberOf(event);
            if (size == BATCH) flush();
        }

        void flush() {
            if (size == 0) return;
            Batch batch = new Batch(events, lines);
            for (Worker worker : workers) worker.put(batch);
            events = new Event[BATCH];
            lines = new int[BATCH];
            size = 0;
        }
    }

    /** One engine on its own thread. */
    private static final class Worker {
        final Engine engine;
        final Thread thread;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(AHEAD);
        volatile LocalDate closeThrough;
        final List<Keyed> open = new ArrayList<>();
        private Throwable failure;

        Worker(Engine engine, int number) {
            this.engine = engine;
            this.thread = Thread.ofPlatform().name("accrue-engine-" + number).unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try {
                while (true) {
                    Batch batch = queue.take();
                    if (batch == END) break;
                    Event[] events = batch.events();
                    for (int i = 0; i < events.length && events[i] != null; i++) engine.accept(events[i], batch.lines()[i]);
                }
                if (closeThrough != null) engine.closeThrough(closeThrough);
                engine.forEachOpen((earnings, place) -> earnings.forEach(earning -> open.add(new Keyed(0, place, earning))));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
                queue.clear();
                // Keep taking batches, so that the thread handing them over is not left waiting.
                drainUntilEnd();
            }
        }

        private void drainUntilEnd() {
            try {
                while (queue.take() != END) queue.clear();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        void put(Batch batch) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing events to the engines", e);
            }
        }

        void join() {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }

        void rethrow() {
            if (failure instanceof RuntimeException runtime) throw runtime;
            if (failure instanceof Error error) throw error;
            if (failure != null) throw new IllegalStateException(failure);
        }
    }
}

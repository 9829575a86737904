package dev.accrue.app.simulate;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventSink;
import dev.accrue.core.event.LineError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The events file as the simulator reads it: parsed from UTF-8 bytes ({@link EventParser#read(InputStream, EventSink)})
 * on a thread of its own, handed over in batches, in file order, to the thread that runs the engine. On a
 * machine with two cores the parse and the engine then take their time side by side instead of one after
 * the other; the engine still sees one event after the other in file order, so the result is the same.
 * Each {@link #forEach} reads the file afresh; the refused lines of the last read are in {@link #errors}.
 */
final class EventFile {
    /** Events per hand-over: large enough that the queue costs nothing per event, small enough to stay in cache. */
    private static final int BATCH = 1024;
    /**
     * Batches read ahead at most. Few: the engine is the slower side, so the queue is always full, and every
     * event in it survives each young collection (at 64 batches, 10 million lines took 26 s of young pauses
     * instead of 15 s).
     */
    private static final int AHEAD = 4;
    private static final int ERRORS_KEPT = 100;
    private static final Object[] END = new Object[0];

    private final Path path;
    final List<LineError> errors = new ArrayList<>();
    long errorCount;

    EventFile(Path path) {
        this.path = path;
    }

    /** Thrown in the reading thread to stop it when the consumer has stopped taking events. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    void forEach(Consumer<Event> sink) {
        errors.clear();
        errorCount = 0;
        BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(AHEAD);
        Throwable[] failure = new Throwable[1];
        Thread reader = Thread.ofPlatform().name("accrue-event-reader").daemon().unstarted(() -> {
            try {
                read(queue);
            } catch (Stopped stopped) {
                return;
            } catch (Throwable e) {
                failure[0] = e;
            }
            putQuietly(queue, END);
        });
        reader.start();
        boolean finished = false;
        try {
            while (true) {
                Object[] batch = queue.take();
                if (batch == END) break;
                for (Object event : batch) {
                    if (event == null) break;
                    sink.accept((Event) event);
                }
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path, e);
        } finally {
            if (!finished) {
                reader.interrupt();
                queue.clear();
            }
            joinQuietly(reader);
        }
        if (failure[0] instanceof UncheckedIOException io) throw io;
        if (failure[0] instanceof RuntimeException runtime) throw runtime;
        if (failure[0] instanceof Error error) throw error;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
    }

    /** On the reading thread: parses the file into batches. */
    private void read(BlockingQueue<Object[]> queue) {
        Batches batches = new Batches(queue);
        try (InputStream input = Files.newInputStream(path)) {
            new EventParser().read(input, batches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batches.flush();
    }

    /** Collects the parsed events into batches for the queue, and keeps the first refused lines. */
    private final class Batches implements EventSink {
        private final BlockingQueue<Object[]> queue;
        private Object[] batch = new Object[BATCH];
        private int size;

        Batches(BlockingQueue<Object[]> queue) {
            this.queue = queue;
        }

        @Override
        public void event(Event event) {
            batch[size++] = event;
            if (size == BATCH) flush();
        }

        @Override
        public void error(LineError error) {
            if (errors.size() < ERRORS_KEPT) errors.add(error);
            errorCount++;
        }

        void flush() {
            if (size == 0) return;
            put(queue, batch);
            batch = new Object[BATCH];
            size = 0;
        }
    }

    private static void put(BlockingQueue<Object[]> queue, Object[] batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static void putQuietly(BlockingQueue<Object[]> queue, Object[] batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
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
}

package dev.accrue.app.simulate;

import dev.accrue.core.engine.Simulation;
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
import java.util.function.Consumer;

/**
 * The events file as the simulator reads it: parsed from UTF-8 bytes ({@link EventParser#read(InputStream, EventSink)})
 * on the calling thread, in file order. The simulation calls it from a thread of its own, beside the engine's
 * ({@code Simulation}). Each {@link #forEach} reads the file afresh; the refused lines of the last read are in
 * {@link #errors}.
 */
final class EventFile implements Simulation.EventSource {
    private static final int ERRORS_KEPT = 100;
    /** The start of the file whose lines {@link #expectedEvents} counts. */
    private static final int SAMPLE_BYTES = 1 << 20;
    /** A guess above this is not trusted further: the tables grow past it if they must. */
    private static final int EXPECTED_MAX = 1 << 26;

    private final Path path;
    final List<LineError> errors = new ArrayList<>();
    long errorCount;

    EventFile(Path path) {
        this.path = path;
    }

    @Override
    public void forEach(Consumer<Event> sink) {
        errors.clear();
        errorCount = 0;
        try (InputStream input = Files.newInputStream(path)) {
            new EventParser().read(input, new EventSink() {
                @Override
                public void event(Event event) {
                    sink.accept(event);
                }

                @Override
                public void error(LineError error) {
                    if (errors.size() < ERRORS_KEPT) errors.add(error);
                    errorCount++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's size divided by the mean length of the whole lines in its first megabyte: events are about alike in length. */
    @Override
    public int expectedEvents() {
        try (InputStream input = Files.newInputStream(path)) {
            long size = Files.size(path);
            byte[] sample = input.readNBytes((int) Math.min(size, SAMPLE_BYTES));
            int lines = 0;
            int wholeLinesEnd = 0;
            for (int i = 0; i < sample.length; i++) {
                if (sample[i] == '\n') {
                    lines++;
                    wholeLinesEnd = i + 1;
                }
            }
            if (lines == 0) return 1;
            return (int) Math.min(EXPECTED_MAX, size * lines / wholeLinesEnd);
        } catch (IOException e) {
            return 0; // only a guess: the read that follows reports what is wrong with the file
        }
    }
}

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
import java.util.function.Consumer;

/**
 * The events file as the simulator reads it: parsed from UTF-8 bytes ({@link EventParser#read(InputStream, EventSink)})
 * on the calling thread, in file order. The simulation calls it from a thread of its own, beside the engine's
 * ({@code Simulation}). Each {@link #forEach} reads the file afresh; the refused lines of the last read are in
 * {@link #errors}.
 */
final class EventFile {
    private static final int ERRORS_KEPT = 100;

    private final Path path;
    final List<LineError> errors = new ArrayList<>();
    long errorCount;

    EventFile(Path path) {
        this.path = path;
    }

    void forEach(Consumer<Event> sink) {
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
}

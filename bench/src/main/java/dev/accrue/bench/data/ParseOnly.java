package dev.accrue.bench.data;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventSink;
import dev.accrue.core.event.LineError;
import dev.accrue.core.event.ReadCounts;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The baseline of the simulate benchmark: reads an event file with the production parser, builds every
 * {@link Event} and drops it, and prints how long that took.
 * {@code java -Xmx4g -cp bench/target/benchmarks.jar dev.accrue.bench.data.ParseOnly /tmp/accrue-bench/events.jsonl [--runs 3] [--input bytes|chars]}.
 * It reads UTF-8 bytes ({@link EventParser#read(InputStream, EventSink)}) unless told {@code --input chars}
 * ({@link EventParser#read(Reader, EventSink)}); compare the simulator with the path it uses.
 */
public final class ParseOnly {
    private static final String USAGE = "usage: ParseOnly EVENTS_FILE [--runs 1] [--input bytes|chars]";
    private static final int ERRORS_SHOWN_MAX = 10;
    /** CPU time of the parsing thread, beside wall time: on a shared machine the two differ. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ParseOnly() {}

    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args, USAGE);
        if (arguments == null) System.exit(2);
        Path file = Path.of(arguments.text("0", null));
        int runs = arguments.integer("runs", 1);
        String input = arguments.text("input", "bytes");
        if (!input.equals("bytes") && !input.equals("chars")) {
            System.err.println("--input is bytes (EventParser.read(InputStream, …), the default) or chars (read(Reader, …))\n" + USAGE);
            System.exit(2);
        }
        boolean bytes = input.equals("bytes");
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            Tally tally = new Tally();
            ReadCounts counts;
            if (bytes) {
                try (InputStream stream = Files.newInputStream(file)) {
                    counts = new EventParser().read(stream, tally);
                }
            } else {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    counts = new EventParser().read(reader, tally);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            System.out.printf(Locale.ROOT, "run %d (%s): %,d events, %,d errors, %,d lines in %.2f s = %,.0f events/s"
                            + " (parsing thread's CPU %.2f s; checksum %d)%n",
                    run, input, counts.events(), counts.errors(), counts.lines(), seconds, counts.events() / seconds, cpuSeconds, tally.checksum);
        }
    }

    /** Touches each event so that building it cannot be optimized away, and shows the first errors. */
    private static final class Tally implements EventSink {
        long checksum;
        int errorsShown;

        @Override
        public void event(Event event) {
            checksum += event.occurredAt().getEpochSecond() + event.data().size();
        }

        @Override
        public void error(LineError error) {
            if (errorsShown++ < ERRORS_SHOWN_MAX) System.err.println(error.format());
        }
    }
}

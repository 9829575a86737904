package dev.accrue.bench.data;

import dev.accrue.core.engine.ProgramVersion;
import dev.accrue.core.engine.Simulation;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventSink;
import dev.accrue.core.event.LineError;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.partner.PartnerBatch;
import dev.accrue.core.partner.PartnerParser;
import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.ProgramParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine's own share of the simulate benchmark: parses a generated data set's events into memory
 * first, then runs the simulation over them (one engine, as on two cores) several times in one JVM and
 * prints each run's wall time, the engine thread's CPU time and the collector's time. The first run is
 * cold (the JIT still compiling), the later ones warm; none of them parses.
 * {@code java -Xmx12g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.accrue.bench.data.EngineOnly /tmp/accrue-3m [--runs 3]}
 * (the folder as {@link Generate} writes it: {@code programs/}, {@code partners.jsonl}, {@code events.jsonl}).
 */
public final class EngineOnly {
    private static final String USAGE = "usage: EngineOnly DATA_FOLDER [--runs 3]";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EngineOnly() {}

    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args, USAGE);
        if (arguments == null) System.exit(2);
        Path folder = Path.of(arguments.text("0", null));
        int runs = arguments.integer("runs", 3);
        List<ProgramVersion> programs = programs(folder.resolve("programs"));
        Map<String, Partner> partners = partners(folder.resolve("partners.jsonl"));
        List<Event> events = events(folder.resolve("events.jsonl"));
        System.out.printf(Locale.ROOT, "%d programs, %,d partners, %,d events in memory%n", programs.size(), partners.size(), events.size());
        for (int run = 1; run <= runs; run++) {
            System.gc();
            long gcStarted = collectorMillis();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            Simulation.Result result = Simulation.run(programs, partners::get, events::forEach, null, 1);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.2f s (engine thread's CPU %.2f s, collector %.2f s), %,d earnings%n",
                    run, seconds, cpuSeconds, (collectorMillis() - gcStarted) / 1e3, result.earnings().size());
        }
    }

    private static List<ProgramVersion> programs(Path folder) throws IOException {
        List<Program> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                ParseResult result = ProgramParser.parse(Files.readString(file), file.toString());
                if (!result.ok()) throw new IllegalArgumentException(file + ": " + result.errors());
                parsed.add(result.program());
            }
        }
        // As the simulator numbers versions: one program id's files in order of their effective date.
        parsed.sort(Comparator.comparing((Program p) -> p.id()).thenComparing(p -> p.effective().from()));
        Map<String, Integer> versions = new HashMap<>();
        List<ProgramVersion> programs = new ArrayList<>();
        for (Program program : parsed) programs.add(new ProgramVersion(program, versions.merge(program.id().value(), 1, Integer::sum)));
        return programs;
    }

    private static Map<String, Partner> partners(Path file) throws IOException {
        PartnerBatch batch;
        try (Reader reader = Files.newBufferedReader(file)) {
            batch = new PartnerParser().readAll(reader);
        }
        if (!batch.errors().isEmpty()) throw new IllegalArgumentException(file + ": " + batch.errors().get(0).format());
        Map<String, Partner> partners = new HashMap<>();
        batch.partners().forEach(partner -> partners.put(partner.id(), partner));
        return partners;
    }

    private static List<Event> events(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        try (InputStream input = Files.newInputStream(file)) {
            new EventParser().read(input, new EventSink() {
                @Override
                public void event(Event event) {
                    events.add(event);
                }

                @Override
                public void error(LineError error) {
                    throw new IllegalArgumentException(file + ":" + error.format());
                }
            });
        }
        return events;
    }

    private static long collectorMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) millis += collector.getCollectionTime();
        return millis;
    }
}

package dev.accrue.bench.data;

import dev.accrue.testkit.ActivityCounts;
import dev.accrue.testkit.DataSpec;
import dev.accrue.testkit.GeneratedProgram;
import dev.accrue.testkit.SyntheticData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic data set for benchmarks and demos:
 * {@code java -cp bench/target/benchmarks.jar dev.accrue.bench.data.Generate --out DIR --partners 5000 --sales 10000000 --programs 50 --seed 42}
 * gives {@code DIR/partners.jsonl}, {@code DIR/events.jsonl} and {@code DIR/programs/*.yaml}. The same
 * arguments give the same bytes.
 */
public final class Generate {
    private static final String USAGE = "usage: Generate --out DIR [--partners 5000] [--sales 10000000] [--programs 50] [--year 2026] [--seed 42]";

    private Generate() {}

    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args, USAGE);
        if (arguments == null) System.exit(2);
        Path out = Path.of(arguments.text("out", null));
        DataSpec spec;
        try {
            spec = new DataSpec(arguments.integer("partners", 5_000), arguments.number("sales", 10_000_000),
                    arguments.integer("programs", 50), arguments.integer("year", 2026), arguments.number("seed", 42));
        } catch (IllegalArgumentException e) {
            System.err.println("Generate: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        SyntheticData data = new SyntheticData(spec);
        Path programs = out.resolve("programs");
        Files.createDirectories(programs);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(programs, "*.yaml")) {
            for (Path file : stale) Files.delete(file);   // the directory holds this data set's programs only
        }
        for (GeneratedProgram program : data.programs()) {
            Files.writeString(programs.resolve(program.fileName()), program.yaml(), StandardCharsets.UTF_8);
        }
        try (Writer writer = Files.newBufferedWriter(out.resolve("partners.jsonl"), StandardCharsets.UTF_8)) {
            data.writePartners(writer);
        }
        ActivityCounts counts;
        try (Writer writer = Files.newBufferedWriter(out.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
            counts = data.writeEvents(writer);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d partners, %d programs, %d event lines (%d distinct events, %d resent) in %.1f s%n",
                out, data.partners().size(), data.programs().size(), counts.lines(), counts.events(), counts.duplicateLines(), seconds);
        System.out.printf(Locale.ROOT, "events.jsonl: %,d bytes; partners.jsonl: %,d bytes%n",
                Files.size(out.resolve("events.jsonl")), Files.size(out.resolve("partners.jsonl")));
        counts.eventsByType().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %-25s %,12d%n", entry.getKey(), entry.getValue()));
    }
}

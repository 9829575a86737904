package dev.accrue.testkit;

import dev.accrue.core.partner.Partner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Realistic synthetic data for tests and benchmarks, a pure function of a {@link DataSpec}: partners of
 * every type with effective-dated changes, programs of every kind varied from the examples, and a year
 * of activity (plus the sales of the year before, for growth) written in time order.
 *
 * <pre>{@code
 * SyntheticData data = new SyntheticData(new DataSpec(5_000, 10_000_000, 50, 2026, 42));
 * data.writePartners(partnersWriter);
 * data.programs().forEach(p -> write(dir.resolve(p.fileName()), p.yaml()));
 * ActivityCounts counts = data.writeEvents(eventsWriter);   // streams; holds only pending future events
 * }</pre>
 *
 * Same spec, same bytes: randomness comes from {@link java.util.SplittableRandom}s seeded from the spec's
 * seed, one stream each for partners, programs and activity, so asking for more programs does not change
 * the events. No clock is read.
 */
public final class SyntheticData {
    /** Share of the sale lines dated in the year before the spec's year. */
    public static final int PRIOR_YEAR_SALES_PERCENT = 10;

    private final DataSpec spec;
    private final PartnerFactory.Result partners;
    private final List<GeneratedProgram> programs;

    public SyntheticData(DataSpec spec) {
        this.spec = spec;
        this.partners = new PartnerFactory(spec).generate();
        this.programs = new ProgramFactory(spec).generate();
    }

    public DataSpec spec() {
        return spec;
    }

    /** The partners, each with its versions, in a stable order (by type, then number). */
    public List<Partner> partners() {
        return partners.partners();
    }

    public List<GeneratedProgram> programs() {
        return programs;
    }

    /** Writes the partners as the contract's JSON lines, one line per version. */
    public void writePartners(Writer out) {
        try {
            for (Partner partner : partners.partners()) out.write(ContractJson.partner(partner));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the activity to {@code out} as event JSON lines in time order, and flushes it. */
    public ActivityCounts writeEvents(Writer out) {
        ActivityCounts counts = new ActivityWriter(spec, partners).write(out);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** An independent seed for stream {@code stream} of {@code seed} (SplitMix64's finalizer, so nearby seeds diverge). */
    static long streamSeed(long seed, int stream) {
        long z = seed + stream * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

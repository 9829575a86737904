package dev.accrue.http;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.program.Effective;
import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.ProgramParser;
import dev.accrue.core.program.Rule;
import dev.accrue.core.program.Track;
import dev.accrue.http.port.ProgramStore;
import dev.accrue.http.port.ProgramVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which currencies the programs pay in, per event type: an event whose {@code currency} no program with
 * rules on its type pays in, while some such program is in force at the event's date, is refused (an
 * event in EUR cannot earn in a USD program). Programs in a non-cash unit (points) take any currency,
 * and a type no program has rules for takes any too. The latest version of each program counts.
 *
 * <p>Parsing every program for every batch would cost more than the batch, so this keeps what it read:
 * it reads the programs again when this server publishes one ({@link #changed}), or when what it holds
 * is older than {@link #REFRESH_NANOS} (another server may have published one).
 */
final class ProgramCurrencies {
    private static final Logger LOG = LoggerFactory.getLogger(ProgramCurrencies.class);
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * The part of one program version that decides: its currency, when it is in force and the event types it
     * has rules on (none when it is not paid in a currency). In force from the start of its first day to the
     * end of its last, in its time zone, as instants (null: open): an event's time is compared, not turned
     * into a date for every event.
     */
    record Scope(String programId, int version, String currency, Instant inForceFrom, Instant inForceUntil, List<String> eventTypes) {
        static Scope of(String programId, int version, String currency, Effective effective, ZoneId zone, List<String> eventTypes) {
            if (effective == null) return new Scope(programId, version, currency, null, null, eventTypes);
            Instant until = effective.to() == null || effective.to().equals(LocalDate.MAX) ? null
                    : effective.to().plusDays(1).atStartOfDay(zone).toInstant();
            return new Scope(programId, version, currency, effective.from().atStartOfDay(zone).toInstant(), until, eventTypes);
        }

        boolean inForce(Event event) {
            Instant at = event.occurredAt();
            return (inForceFrom == null || !at.isBefore(inForceFrom)) && (inForceUntil == null || at.isBefore(inForceUntil));
        }
    }

    private record Snapshot(long generation, long readAtNanos, Map<String, List<Scope>> byEventType, Map<String, Scope> byVersion) {}

    private final ProgramStore programs;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    ProgramCurrencies(ProgramStore programs) {
        this.programs = programs;
    }

    /** A program was published here: read them again before the next check. */
    void changed() {
        generation.incrementAndGet();
    }

    /** Why {@code event}'s currency is refused, or empty when it is not (or it has none). */
    Optional<String> refusal(Event event) {
        if (!(event.data().get(EventTypes.CURRENCY_FIELD) instanceof String currency)) return Optional.empty();
        List<Scope> scopes = current().byEventType().getOrDefault(event.type(), List.of());
        TreeSet<String> paying = null;   // made only for a refusal: nearly every event pays in a currency in force
        for (Scope scope : scopes) {
            if (!scope.inForce(event)) continue;
            if (scope.currency().equals(currency)) return Optional.empty();
            if (paying == null) paying = new TreeSet<>();
            paying.add(scope.currency());
        }
        if (paying == null) return Optional.empty();
        return Optional.of("data." + EventTypes.CURRENCY_FIELD + ": expected " + String.join(" or ", paying) + " (the currency of the programs with rules on "
                + event.type() + " events in force then), found " + currency);
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        if (fresh(held)) return held;
        synchronized (this) {
            held = snapshot;
            if (fresh(held)) return held;
            long readGeneration = generation.get();
            held = read(readGeneration, held == null ? Map.of() : held.byVersion());
            snapshot = held;
            return held;
        }
    }

    private boolean fresh(Snapshot held) {
        return held != null && held.generation() == generation.get() && System.nanoTime() - held.readAtNanos() < REFRESH_NANOS;
    }

    private Snapshot read(long readGeneration, Map<String, Scope> known) {
        long readAt = System.nanoTime();
        Map<String, Scope> byVersion = new HashMap<>();
        Map<String, List<Scope>> byEventType = new HashMap<>();
        for (ProgramVersion version : programs.latestOfEach(Limits.PROGRAMS_LISTED_MAX)) {
            String key = version.programId() + "@" + version.version();
            Scope scope = known.containsKey(key) ? known.get(key) : scope(version);
            byVersion.put(key, scope);
            for (String type : scope.eventTypes()) byEventType.computeIfAbsent(type, t -> new ArrayList<>()).add(scope);
        }
        return new Snapshot(readGeneration, readAt, byEventType, byVersion);
    }

    /** The scope of a program version; one without event types for a non-cash program, or one that no longer parses (logged). */
    private static Scope scope(ProgramVersion version) {
        Scope none = Scope.of(version.programId(), version.version(), null, null, ZoneOffset.UTC, List.of());
        ParseResult parsed = ProgramParser.parse(version.canonicalJson(), "program " + version.programId() + " version " + version.version());
        if (!parsed.ok()) {
            LOG.warn("program {} version {} does not parse any more; its currency is not checked on events: {}",
                    version.programId(), version.version(), parsed.errors());
            return none;
        }
        Program program = parsed.program();
        if (!program.unit().currency()) return none;
        List<String> types = program.tracks().stream().map(Track::rules).flatMap(List::stream)
                .filter(rule -> !rule.onPeriodClose()).map(Rule::on).distinct().toList();
        ZoneId zone = program.calendar() != null ? program.calendar().zone() : ZoneOffset.UTC;
        return Scope.of(version.programId(), version.version(), program.unit().code(), program.effective(), zone, types);
    }
}

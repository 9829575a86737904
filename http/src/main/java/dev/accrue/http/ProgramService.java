package dev.accrue.http;

import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.ProgramParser;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.ProgramStore;
import dev.accrue.http.port.ProgramVersion;
import dev.accrue.http.port.StoreConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Publishing and reading programs. A posted program is parsed and type-checked; if its canonical JSON
 * equals the latest version's nothing is stored, otherwise it becomes the next version. A new version
 * is in force from {@code effective_from} when given; else the first version from the program's own
 * {@code effective.from}, and a later one from today (in the program's time zone) or the program's
 * start, whichever is later: an edit is never retroactive unless asked. Versions never go back in time.
 */
final class ProgramService {
    static final String SOURCE_NAME = "request body";
    /** Attempts when another writer takes the next version number between our read and our write. */
    static final int APPEND_ATTEMPTS_MAX = 3;

    private final ProgramStore store;
    private final Clock clock;
    private final Runnable published;

    /** {@code published} runs after each new version is stored (what depends on the programs reads them again). */
    ProgramService(ProgramStore store, Clock clock, Runnable published) {
        this.store = store;
        this.clock = clock;
        this.published = published;
    }

    record Published(ProgramVersion version, boolean created) {}

    Published publish(Actor actor, String text, String format, LocalDate requestedEffectiveFrom) {
        Permission.require(actor, Permission.PROGRAMS_WRITE);
        ParseResult parsed = ProgramParser.parse(text, SOURCE_NAME);
        if (!parsed.ok()) {
            List<FieldError> errors = parsed.errors().stream()
                    .map(error -> new FieldError(error.field(), error.message(), error.line(), error.column())).toList();
            throw ApiException.invalid("the program has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s"), errors);
        }
        Program program = parsed.program();
        String sha256 = Sha256.hex(parsed.canonicalJson());
        for (int attempt = 1; attempt <= APPEND_ATTEMPTS_MAX; attempt++) {
            Optional<ProgramVersion> latest = store.latest(program.id().value());
            if (latest.isPresent() && latest.get().canonicalSha256().equals(sha256)) return new Published(latest.get(), false);
            LocalDate effectiveFrom = effectiveFrom(program, latest, requestedEffectiveFrom);
            ProgramVersion version = new ProgramVersion(program.id().value(), latest.map(ProgramVersion::version).orElse(0) + 1,
                    program.name(), program.kind().name().toLowerCase(java.util.Locale.ROOT), format, text, parsed.canonicalJson(),
                    sha256, effectiveFrom, actor.userId(), clock.instant());
            try {
                store.append(version);
                published.run();
                return new Published(version, true);
            } catch (StoreConflictException e) {
                if (e.kind() != StoreConflictException.Kind.DUPLICATE) throw e;
            }
        }
        throw ApiException.conflict("program " + program.id() + " is being changed by someone else at the same time; post it again");
    }

    private LocalDate effectiveFrom(Program program, Optional<ProgramVersion> latest, LocalDate requested) {
        LocalDate programStart = program.effective() != null ? program.effective().from() : null;
        LocalDate today = LocalDate.now(clock.withZone(program.calendar() != null ? program.calendar().zone() : java.time.ZoneOffset.UTC));
        LocalDate chosen;
        if (requested != null) chosen = requested;
        else if (latest.isEmpty()) chosen = programStart != null ? programStart : today;
        else chosen = programStart != null && programStart.isAfter(today) ? programStart : today;
        if (latest.isPresent() && chosen.isBefore(latest.get().effectiveFrom())) {
            throw ApiException.invalid("effective_from", "a new version cannot be in force before the latest one (version "
                    + latest.get().version() + ", from " + latest.get().effectiveFrom() + "); got " + chosen);
        }
        return chosen;
    }

    List<ProgramVersion> latestOfEach(Actor actor) {
        Permission.require(actor, Permission.PROGRAMS_READ);
        return store.latestOfEach(Limits.PROGRAMS_LISTED_MAX);
    }

    List<ProgramVersion> versions(Actor actor, String programId) {
        Permission.require(actor, Permission.PROGRAMS_READ);
        List<ProgramVersion> versions = store.versions(programId, Limits.VERSIONS_LISTED_MAX);
        if (versions.isEmpty()) throw ApiException.notFound("program " + programId);
        return versions;
    }

    ProgramVersion version(Actor actor, String programId, int number) {
        Permission.require(actor, Permission.PROGRAMS_READ);
        return store.version(programId, number).orElseThrow(() -> ApiException.notFound("version " + number + " of program " + programId));
    }
}

package dev.accrue.http;

import dev.accrue.core.Invariants;
import dev.accrue.core.event.Event;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.Books;
import dev.accrue.http.port.EventStore;
import dev.accrue.http.port.PartnerStore;
import dev.accrue.http.port.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingesting a batch of events. Each event gets a status: {@code accepted} (stored now), {@code duplicate}
 * (its id is stored already with the same content, or repeated in the batch: acknowledged, ignored),
 * {@code held} (stored, but its partner is not known yet: evaluated once it is), {@code rejected} (not
 * valid, with the reason) or {@code conflict} (its id is stored with other content). The valid rest of a
 * batch is stored; an atomic batch is stored whole or not at all. What is stored is durable before the
 * answer, and handed to the books.
 *
 * <p>Who may: admins, program managers and channel managers send events of any partner; a partner key
 * sends only its own partner's events (others are rejected line by line, and so are events without a
 * partner: attribution must not be steered by a partner); finance does not send events.
 */
final class EventService {
    enum Status {
        ACCEPTED, DUPLICATE, HELD, REJECTED, CONFLICT;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of one line of the batch; {@code reason} says why for every status but accepted. */
    record Result(int line, String id, Status status, String reason) {}

    /** Every line's result, in line order. */
    record Receipt(List<Result> results) {
        long count(Status status) {
            return results.stream().filter(result -> result.status() == status).count();
        }
    }

    /** Partner ids remembered as existing; past this many, the rest are asked for each time. */
    static final int KNOWN_PARTNERS_MAX = 1_000_000;
    private static final Instant OCCURRED_MIN = Instant.parse(String.format(Locale.ROOT, "%04d-01-01T00:00:00Z", Limits.EVENT_YEAR_MIN));
    private static final Instant OCCURRED_END = java.time.LocalDate.of(Limits.EVENT_YEAR_MAX + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private final EventStore store;
    private final PartnerStore partners;
    private final Books books;
    private final ProgramCurrencies currencies;
    private final Set<String> knownPartners = ConcurrentHashMap.newKeySet();

    EventService(EventStore store, PartnerStore partners, Books books, ProgramCurrencies currencies) {
        this.store = store;
        this.partners = partners;
        this.books = books;
        this.currencies = currencies;
    }

    /** Refuses, before the body is read, an actor that may send no events at all. */
    static void requireMaySend(Actor actor) {
        if (actor.role() != Role.PARTNER) Permission.require(actor, Permission.EVENTS_WRITE);
    }

    Receipt ingest(Actor actor, List<EventBody.Line> lines, boolean atomic) {
        requireMaySend(actor);
        Result[] results = new Result[lines.size()];
        List<Event> valid = new ArrayList<>();
        List<String> validJson = new ArrayList<>();
        List<Integer> validLines = new ArrayList<>();
        Map<String, Integer> firstById = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            EventBody.Line line = lines.get(i);
            Optional<String> refusal = line.error() != null ? Optional.of(line.error().message()) : refusal(actor, line.event());
            if (refusal.isPresent()) {
                results[i] = new Result(line.line(), line.id(), Status.REJECTED, refusal.get());
                continue;
            }
            Integer first = firstById.putIfAbsent(line.id(), i);
            if (first == null) {
                valid.add(line.event());
                validJson.add(line.json());
                validLines.add(i);
            } else if (lines.get(first).event().equals(line.event())) {
                results[i] = new Result(line.line(), line.id(), Status.DUPLICATE, "the same event as line " + lines.get(first).line());
            } else {
                results[i] = new Result(line.line(), line.id(), Status.CONFLICT, "line " + lines.get(first).line() + " has this id with other content");
            }
        }
        if (atomic && refusesAny(results)) throw refused(results, lines.size());
        EventStore.Outcome outcome = atomic ? store.storeAllOrNothing(valid, validJson) : store.store(valid, validJson);
        if (atomic && !outcome.conflicts().isEmpty()) {
            Set<String> conflicts = Set.copyOf(outcome.conflicts());
            for (int i : validLines) {
                if (conflicts.contains(lines.get(i).id())) results[i] = storedWithOtherContent(lines.get(i));
            }
            followFirstOccurrences(lines, results, firstById);
            throw refused(results, lines.size());
        }
        Set<String> added = new HashSet<>();
        outcome.added().forEach(event -> added.add(event.id()));
        Set<String> duplicates = Set.copyOf(outcome.duplicates());
        Set<String> conflicts = Set.copyOf(outcome.conflicts());
        Set<String> foundNow = lookUpPartners(outcome.added());
        for (int i : validLines) {
            EventBody.Line line = lines.get(i);
            String id = line.id();
            if (conflicts.contains(id)) {
                results[i] = storedWithOtherContent(line);
            } else if (duplicates.contains(id)) {
                results[i] = new Result(line.line(), id, Status.DUPLICATE, "an event with this id is stored already, with the same content");
            } else if (added.contains(id)) {
                String partner = line.event().partnerId();
                results[i] = partner == null || knownPartners.contains(partner) || foundNow.contains(partner) ? new Result(line.line(), id, Status.ACCEPTED, null)
                        : new Result(line.line(), id, Status.HELD, "partner " + partner + " is not known yet; the event is kept and evaluated once it is");
            } else {
                Invariants.check(false, "the event store says what became of every event it is given, not of " + id);
            }
        }
        followFirstOccurrences(lines, results, firstById);
        if (atomic && refusesAny(results)) throw refused(results, lines.size());
        books.added(outcome.added());
        return new Receipt(List.of(results));
    }

    /**
     * Which partners of these events, not known here yet, exist. Partners are never deleted, so one found
     * once is remembered for good: only the others are asked for, in one query (none at all once the
     * partners of a busy feed are known).
     */
    private Set<String> lookUpPartners(List<Event> events) {
        Set<String> asked = new HashSet<>();
        for (Event event : events) {
            if (event.partnerId() != null && !knownPartners.contains(event.partnerId())) asked.add(event.partnerId());
        }
        if (asked.isEmpty()) return Set.of();
        Set<String> found = partners.existing(asked);
        if (knownPartners.size() + found.size() <= KNOWN_PARTNERS_MAX) knownPartners.addAll(found);
        return found;
    }

    /** Why this actor may not send this event, or why it cannot be stored; empty when it may be. */
    private Optional<String> refusal(Actor actor, Event event) {
        if (actor.role() == Role.PARTNER && !actor.partnerId().equals(event.partnerId())) {
            return Optional.of("partner: expected " + actor.partnerId() + " (a partner key sends its own partner's events), found "
                    + (event.partnerId() == null ? "none" : event.partnerId()));
        }
        if (!storable(event.id())) return Optional.of("id: expected text without NUL characters or unpaired surrogates, found other text");
        if (event.partnerId() != null && !storable(event.partnerId())) {
            return Optional.of("partner: expected text without NUL characters or unpaired surrogates, found other text");
        }
        if (event.occurredAt().isBefore(OCCURRED_MIN) || !event.occurredAt().isBefore(OCCURRED_END)) {
            return Optional.of("occurred_at: expected a time in the years " + Limits.EVENT_YEAR_MIN + " to " + Limits.EVENT_YEAR_MAX
                    + ", found " + event.occurredAt());
        }
        return currencies.refusal(event);
    }

    /** A repeat of an id in the batch, the same event again, is a conflict when its first occurrence is. */
    private static void followFirstOccurrences(List<EventBody.Line> lines, Result[] results, Map<String, Integer> firstById) {
        for (int i = 0; i < results.length; i++) {
            Result result = results[i];
            if (result == null || result.status() != Status.DUPLICATE || lines.get(i).event() == null) continue;
            Integer first = firstById.get(result.id());
            if (first != null && first != i && results[first] != null && results[first].status() == Status.CONFLICT) results[i] = storedWithOtherContent(lines.get(i));
        }
    }

    private static Result storedWithOtherContent(EventBody.Line line) {
        return new Result(line.line(), line.id(), Status.CONFLICT, "an event with this id is stored already, with other content");
    }

    private static boolean refusesAny(Result[] results) {
        for (Result result : results) {
            if (result != null && (result.status() == Status.REJECTED || result.status() == Status.CONFLICT)) return true;
        }
        return false;
    }

    /** The atomic batch's answer when any line is refused: a 422 listing them, nothing stored. */
    private static ApiException refused(Result[] results, int received) {
        List<Map<String, Object>> refusedLines = new ArrayList<>();
        for (Result result : results) {
            if (result != null && (result.status() == Status.REJECTED || result.status() == Status.CONFLICT)) refusedLines.add(EventRoutes.render(result));
        }
        return new ApiException(422, "validation", "The request is not valid",
                refusedLines.size() + " of " + received + " events refused; the batch is atomic, so none was stored",
                List.of(), Map.of("received", received, "results", refusedLines));
    }

    /** PostgreSQL's text holds no NUL, and UTF-8 no unpaired surrogate. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            }
        }
        return true;
    }
}

package dev.accrue.core.program;

import dev.accrue.core.condition.ConditionCompiler;
import dev.accrue.core.condition.Suggestions;
import dev.accrue.core.money.Unit;
import dev.accrue.core.time.PeriodKind;
import dev.accrue.core.time.ProgramCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates one program document, YAML or JSON (docs/programs.md is the reference). All
 * faults are collected in one pass, each with its line, column and field path; the program is given
 * only when there are none. Every CEL expression is compiled in its scope here, once per version.
 */
public final class ProgramParser {
    static final List<String> FIELDS = List.of("program", "name", "kind", "currency", "unit", "calendar", "effective",
            "budget", "stacking", "attribution", "registration", "claims", "approval", "payout", "clawback", "redemption", "tracks");
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final Faults faults;
    private final Expressions expressions;

    private ProgramParser(Faults faults, Expressions expressions) {
        this.faults = faults;
        this.expressions = expressions;
    }

    /**
     * Parses {@code text}. {@code sourceName} names the document in errors (a file name, or
     * "request body"). Never throws on bad input: every fault is in {@link ParseResult#errors()}.
     * {@code canonicalJson} is given whenever the document is well-formed YAML or JSON.
     */
    public static ParseResult parse(String text, String sourceName) {
        Faults faults = new Faults(sourceName == null ? "program" : sourceName);
        DocumentReader.Document document = DocumentReader.read(text == null ? "" : text, faults);
        if (document == null) return new ParseResult(null, faults.list(), null);
        String canonicalJson = CanonicalJson.of(document.root());
        Expressions expressions = new Expressions(ConditionCompiler.shared(), faults, document.lines());
        Program program = new ProgramParser(faults, expressions).program(document.root());
        return new ParseResult(faults.any() ? null : program, faults.list(), canonicalJson);
    }

    private Program program(YamlNode root) {
        MapReader doc = MapReader.of(root, "", faults, "a program");
        if (doc == null) return null;
        doc.allowOnly("a program", FIELDS);
        ProgramId id = programId(doc);
        String name = doc.text("name", true);
        ProgramKind kind = kind(doc);
        Unit unit = unit(doc);
        ProgramCalendar calendar = calendar(doc);
        Effective effective = effective(doc);
        Settings settings = new Settings(doc, unit);
        var budget = settings.budget();
        var stacking = settings.stacking();
        var attribution = settings.attribution();
        var claims = settings.claims();
        var approval = settings.approval();
        var payout = settings.payout();
        var clawback = settings.clawback();
        KindParts kindParts = new KindParts(kind, unit);
        Map<String, Object> extensions = new LinkedHashMap<>();
        kindParts.registration(doc, extensions);
        kindParts.redemption(doc, extensions);
        TrackParser tracks = new TrackParser(expressions, kindParts, new RuleParser(expressions, unit, attribution != null));
        List<Track> parsedTracks = tracks(doc, tracks);
        if (faults.any()) return null;
        return new Program(id, name, kind, unit, calendar, effective, budget, stacking, attribution, claims,
                approval == null ? List.of() : approval, payout, clawback, parsedTracks, extensions);
    }

    private ProgramId programId(MapReader doc) {
        String slug = doc.text("program", true);
        if (slug == null) return null;
        try {
            return new ProgramId(slug);
        } catch (IllegalArgumentException e) {
            doc.error("program", e.getMessage());
            return null;
        }
    }

    private static ProgramKind kind(MapReader doc) {
        List<String> codes = Arrays.stream(ProgramKind.values()).map(ProgramKind::code).toList();
        String code = doc.oneOf("kind", true, codes);
        return code == null ? null : ProgramKind.parse(code);
    }

    /** {@code currency: USD} for money programs, {@code unit: points} for non-cash ones; exactly one. */
    private Unit unit(MapReader doc) {
        boolean currency = doc.has("currency");
        boolean nonCash = doc.has("unit");
        if (currency == nonCash) {
            doc.error(currency ? "unit" : "currency", currency
                    ? "write either currency (an ISO 4217 code such as USD) or unit (a non-cash unit such as points), not both"
                    : "'currency' (an ISO 4217 code such as USD) or 'unit' (a non-cash unit such as points) is required");
            return null;
        }
        String key = currency ? "currency" : "unit";
        Unit unit = UnitReader.read(doc, key);
        if (unit == null) return null;
        if (currency && !unit.currency()) {
            doc.error(key, "'" + unit.code() + "' is not a currency code; write unit: " + unit.code() + " for a non-cash unit");
            return null;
        }
        if (nonCash && unit.currency()) {
            doc.error(key, "'" + unit.code() + "' is a currency; write currency: " + unit.code());
            return null;
        }
        return unit;
    }

    private ProgramCalendar calendar(MapReader doc) {
        MapReader calendar = doc.map("calendar", true, "the calendar");
        if (calendar == null) return null;
        calendar.allowOnly("the calendar", List.of("period", "timezone"));
        String period = calendar.oneOf("period", true, List.of("month", "quarter", "year"));
        String timezone = calendar.text("timezone", true);
        ZoneId zone = null;
        if (timezone != null) {
            if (ZONES.contains(timezone)) {
                zone = ZoneId.of(timezone);
            } else {
                String suggestion = Suggestions.closest(timezone, ZONES);
                calendar.error("timezone", "'" + timezone + "' is not an IANA time zone such as America/Chicago or UTC"
                        + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
            }
        }
        return period == null || zone == null ? null : new ProgramCalendar(PeriodKind.parse(period), zone);
    }

    private static Effective effective(MapReader doc) {
        MapReader effective = doc.map("effective", true, "the effective dates");
        if (effective == null) return null;
        effective.allowOnly("effective", List.of("from", "to"));
        LocalDate from = effective.date("from", true);
        LocalDate to = effective.date("to", false);
        if (from != null && to != null && to.isBefore(from)) {
            effective.error("to", "ends (" + to + ") before it starts (" + from + ")");
            return null;
        }
        return from == null ? null : new Effective(from, to);
    }

    private List<Track> tracks(MapReader doc, TrackParser parser) {
        List<MapReader> items = doc.maps("tracks", true, ProgramLimits.TRACKS_MAX, "a track");
        if (items == null) return List.of();
        if (items.isEmpty() && doc.value("tracks") instanceof YamlNode.ListNode list && list.items().isEmpty()) {
            doc.error("tracks", "a program has at least one track");
        }
        List<Track> tracks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MapReader item : items) {
            Track track = parser.parse(item);
            if (track == null) continue;
            if (!names.add(track.name())) item.error("name", "another track is also named '" + track.name() + "'; track names are unique");
            tracks.add(track);
        }
        return tracks;
    }
}

package dev.accrue.core.partner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.accrue.core.event.InputFault;
import dev.accrue.core.event.Instants;
import dev.accrue.core.event.JsonLines;
import dev.accrue.core.event.JsonValues;
import dev.accrue.core.event.LineError;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses partners as the contract writes them (DESIGN.md, "Partners"), one JSON object a line:
 * {@code {"id", "name", "type", "tier"?, "parent"?, "attributes": {...}, "effective_from"?}}.
 *
 * <p>Several lines with one id are that partner's history: each line is a complete snapshot of type, tier
 * and attributes in force from its {@code effective_from} (from the beginning when absent) until the next
 * one, so a line never inherits a forgotten attribute from an earlier one. The partner's name and parent
 * are those of its latest version. Pure and not thread-safe, like {@code EventParser}.
 */
public final class PartnerParser {
    public static final int ID_LENGTH_MAX = 128;
    public static final int NAME_LENGTH_MAX = 200;
    public static final int TYPE_LENGTH_MAX = 40;
    public static final int TIER_LENGTH_MAX = 40;
    /** Versions of one partner: a change a day for years is far below this. */
    public static final int VERSIONS_PER_PARTNER_MAX = 4096;
    public static final int ERRORS_KEPT_MAX = 10_000;
    /**
     * Partner types are an open set of lower-case names (distributor, dealer, integrator, reseller, affiliate,
     * agency, technology, end_customer, or one of an installation's own), matched by programs' conditions.
     */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String FIELDS_EXPECTED = "only the fields id, name, type, tier, parent, attributes and effective_from";

    private final JsonFactory factory = new JsonFactory();

    /** One line's snapshot of a partner. */
    private record Line(long number, String id, String name, String parent, Partner.Version version) {}

    /** Reads all of {@code reader}: the partners that parsed, with their histories, and the refused lines. */
    public PartnerBatch readAll(Reader reader) {
        Map<String, List<Line>> linesById = new LinkedHashMap<>();
        List<LineError> errors = new ArrayList<>();
        JsonLines.forEach(reader, (chars, offset, length, lineNumber) -> {
            Object parsed = parseLine(chars, offset, length, lineNumber);
            if (parsed instanceof LineError error) {
                keep(errors, error);
                return;
            }
            Line line = (Line) parsed;
            List<Line> history = linesById.computeIfAbsent(line.id(), id -> new ArrayList<>());
            LineError conflict = conflict(history, line);
            if (conflict != null) keep(errors, conflict);
            else history.add(line);
        }, lineNumber -> keep(errors, new LineError(lineNumber, "",
                "a line of at most " + JsonLines.LINE_LENGTH_MAX + " characters", "a longer line")));
        List<Partner> partners = new ArrayList<>(linesById.size());
        for (List<Line> history : linesById.values()) partners.add(partnerOf(history));
        return new PartnerBatch(partners, errors);
    }

    private static void keep(List<LineError> errors, LineError error) {
        if (errors.size() < ERRORS_KEPT_MAX) errors.add(error);
    }

    /** Why {@code line} cannot join {@code history}, or null. */
    private static LineError conflict(List<Line> history, Line line) {
        if (history.size() == VERSIONS_PER_PARTNER_MAX) {
            return new LineError(line.number(), "id", "at most " + VERSIONS_PER_PARTNER_MAX + " versions of a partner", "more");
        }
        for (Line earlier : history) {
            if (earlier.version().effectiveFrom().equals(line.version().effectiveFrom())) {
                String from = line.version().effectiveFrom().equals(Partner.BEGINNING) ? "no effective_from" : line.version().effectiveFrom().toString();
                return new LineError(line.number(), "effective_from",
                        "a different effective_from for each line of partner \"" + line.id() + "\"",
                        from + " again (line " + earlier.number() + " has it)");
            }
        }
        return null;
    }

    private static Partner partnerOf(List<Line> history) {
        Line latest = history.get(0);
        List<Partner.Version> versions = new ArrayList<>(history.size());
        for (Line line : history) {
            versions.add(line.version());
            if (line.version().effectiveFrom().isAfter(latest.version().effectiveFrom())) latest = line;
        }
        return new Partner(latest.id(), latest.name(), latest.parent(), versions);
    }

    /** A Line, or the LineError that refuses it. */
    private Object parseLine(char[] chars, int offset, int length, long lineNumber) {
        try (JsonParser parser = factory.createParser(chars, offset, length)) {
            try {
                return readLine(parser, lineNumber);
            } catch (InputFault fault) {
                return fault.at(lineNumber);
            }
        } catch (JsonProcessingException syntax) {
            return new LineError(lineNumber, "", "valid JSON", "invalid JSON: " + syntax.getOriginalMessage());
        } catch (IOException impossible) {
            return new LineError(lineNumber, "", "valid JSON", String.valueOf(impossible.getMessage()));
        }
    }

    private Line readLine(JsonParser parser, long lineNumber) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) throw new InputFault("", "a JSON object", JsonValues.describe(parser));
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (fields.containsKey(name)) throw new InputFault(name, "each field once", "it twice");
            Object value = switch (name) {
                case "id", "parent" -> text(parser, name, ID_LENGTH_MAX);
                case "name" -> text(parser, name, NAME_LENGTH_MAX);
                case "type" -> type(parser);
                case "tier" -> text(parser, name, TIER_LENGTH_MAX);
                case "attributes" -> attributes(parser);
                case "effective_from" -> effectiveFrom(parser);
                default -> throw new InputFault(name, FIELDS_EXPECTED, "an unknown field");
            };
            if (value != null) fields.put(name, value);
        }
        if (parser.nextToken() != null) {
            throw new InputFault("", "one JSON object per line", "more after the object: " + JsonValues.describe(parser));
        }
        String id = (String) required(fields, "id");
        String name = (String) required(fields, "name");
        String type = (String) required(fields, "type");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) required(fields, "attributes");
        String parent = (String) fields.get("parent");
        if (id.equals(parent)) throw new InputFault("parent", "another partner's id", "the partner's own id");
        Instant effectiveFrom = (Instant) fields.getOrDefault("effective_from", Partner.BEGINNING);
        Partner.Version version = new Partner.Version(effectiveFrom, type, (String) fields.get("tier"), attributes);
        return new Line(lineNumber, id, name, parent, version);
    }

    private static Object required(Map<String, Object> fields, String field) {
        Object value = fields.get(field);
        if (value == null) throw new InputFault(field, "a value (every partner line has " + field + ")", "none");
        return value;
    }

    /** The string, null for a JSON null (the same as absent). */
    private static String text(JsonParser parser, String field, int lengthMax) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) return null;
        if (parser.currentToken() != JsonToken.VALUE_STRING) throw new InputFault(field, "a string", JsonValues.describe(parser));
        int length = parser.getTextLength();
        if (length == 0 || length > lengthMax) {
            throw new InputFault(field, "a string of 1 to " + lengthMax + " characters", "one of " + length);
        }
        return parser.getText();
    }

    private static String type(JsonParser parser) throws IOException {
        String type = text(parser, "type", TYPE_LENGTH_MAX);
        if (type != null && !TYPE.matcher(type).matches()) {
            throw new InputFault("type", "a lower-case type name such as \"distributor\" or \"end_customer\"", JsonValues.describe(parser));
        }
        return type;
    }

    private static Map<String, Object> attributes(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) return null;
        try {
            return JsonValues.readObject(parser, 1);
        } catch (InputFault fault) {
            throw fault.within("attributes");
        }
    }

    private static Instant effectiveFrom(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) return null;
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant instant = Instants.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (instant != null) return instant;
        }
        throw new InputFault("effective_from", Instants.EXPECTED, JsonValues.describe(parser));
    }
}

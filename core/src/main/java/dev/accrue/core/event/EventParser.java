package dev.accrue.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.accrue.core.Invariants;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Parses events as the contract writes them (DESIGN.md, "Events"): one JSON object
 * {@code {"id", "type", "occurred_at", "partner"?, "data"}}, alone or one per line. It reads with Jackson's
 * streaming parser straight into {@link Event}, checks every field, and answers a bad line with a
 * {@link LineError} that names the line, the field, what was expected and what was found; bad input never
 * throws. Amount fields must be decimal strings: a JSON number there is refused, because a float cannot
 * carry money exactly.
 *
 * <p>Pure: it reads what it is given and opens nothing. Not thread-safe: it reuses buffers and a string
 * pool across lines, so use one parser per thread.
 */
public final class EventParser {
    public static final int ID_LENGTH_MAX = 128;
    public static final int PARTNER_ID_LENGTH_MAX = 128;
    /** A batch keeps this many errors and counts the rest, so a file of garbage cannot exhaust memory. */
    public static final int ERRORS_KEPT_MAX = 10_000;

    private static final String FIELDS_EXPECTED = "only the fields id, type, occurred_at, partner and data";
    private static final String KNOWN_TYPES = String.join(", ", new TreeSet<>(EventTypes.REQUIRED_FIELDS.keySet()));
    /** Jackson's own messages can quote input; a report needs the start of them only. */
    private static final int SYNTAX_MESSAGE_LENGTH_MAX = 160;
    private final JsonFactory factory;
    private final StringPool pool;
    private final EventData dataReader;

    public EventParser() {
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JsonValues.DEPTH_MAX + 3)
                        .maxStringLength(JsonLines.LINE_LENGTH_MAX)
                        .build())
                .build();
        pool = new StringPool(new TreeSet<>(EventTypes.REQUIRED_FIELDS.keySet()));
        dataReader = new EventData(pool);
        Invariants.check(factory.isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES),
                "field names are canonical, so FieldCollector finds a repeated name by identity");
    }

    /** Parses one event, as an API request body carries it (it may span lines). */
    public EventResult parse(String json) {
        if (json.length() > JsonLines.LINE_LENGTH_MAX) {
            return new EventResult.Invalid(new LineError(1, "", "an event of at most " + JsonLines.LINE_LENGTH_MAX + " characters",
                    json.length() + " characters"));
        }
        char[] chars = json.toCharArray();
        return parseLine(chars, 0, chars.length, 1);
    }

    /** Parses the event written in {@code chars[offset, offset+length)}, which is line {@code lineNumber} of its input. */
    public EventResult parseLine(char[] chars, int offset, int length, long lineNumber) {
        Object parsed = parseInternal(chars, offset, length, lineNumber);
        return parsed instanceof Event event ? new EventResult.Valid(event) : new EventResult.Invalid((LineError) parsed);
    }

    /**
     * Streams JSON lines from {@code reader} to {@code sink}, one call per event or refused line, in input
     * order; nothing is held beyond the current line.
     */
    public ReadCounts read(Reader reader, EventSink sink) {
        Tally tally = new Tally(sink);
        long lines = JsonLines.forEach(reader, (chars, offset, length, lineNumber) -> {
            JsonParser parser;
            try {
                parser = factory.createParser(chars, offset, length);
            } catch (IOException impossible) {
                throw new IllegalStateException("an in-memory parser cannot fail to open", impossible);
            }
            tally.take(parseWith(parser, lineNumber));
        }, tally::overlong);
        return new ReadCounts(lines, tally.events, tally.errors);
    }

    /**
     * {@link #read(Reader, EventSink)} for UTF-8 bytes, the faster way to read a file: no decoding to chars
     * first (see {@link Utf8Lines}). JSON text exchanged between systems is UTF-8 (RFC 8259).
     */
    public ReadCounts read(InputStream utf8, EventSink sink) {
        Tally tally = new Tally(sink);
        long lines = Utf8Lines.forEach(utf8, (bytes, offset, length, lineNumber) -> {
            JsonParser parser;
            try {
                parser = factory.createParser(bytes, offset, length);
            } catch (IOException impossible) {
                throw new IllegalStateException("an in-memory parser cannot fail to open", impossible);
            }
            tally.take(parseWith(parser, lineNumber));
        }, tally::overlong);
        return new ReadCounts(lines, tally.events, tally.errors);
    }

    /** Counts what a stream gave and passes it on. */
    private static final class Tally {
        private final EventSink sink;
        long events;
        long errors;

        Tally(EventSink sink) {
            this.sink = sink;
        }

        void take(Object parsed) {
            if (parsed instanceof Event event) {
                events++;
                sink.event(event);
            } else {
                errors++;
                sink.error((LineError) parsed);
            }
        }

        void overlong(long lineNumber) {
            errors++;
            sink.error(EventParser.overlong(lineNumber));
        }
    }

    /** Reads all of {@code reader}: the good events and the refused lines. */
    public EventBatch readAll(Reader reader) {
        List<Event> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        ReadCounts counts = read(reader, new EventSink() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void error(LineError error) {
                if (errors.size() < ERRORS_KEPT_MAX) errors.add(error);
            }
        });
        return new EventBatch(events, errors, counts.errors());
    }

    static LineError overlong(long lineNumber) {
        return new LineError(lineNumber, "", "a line of at most " + JsonLines.LINE_LENGTH_MAX + " characters", "a longer line");
    }

    /** The event, or the LineError that refuses it. */
    private Object parseInternal(char[] chars, int offset, int length, long lineNumber) {
        try {
            return parseWith(factory.createParser(chars, offset, length), lineNumber);
        } catch (IOException impossible) {
            return new LineError(lineNumber, "", "valid JSON", String.valueOf(impossible.getMessage()));
        }
    }

    /** Reads one event with {@code parser}, which it closes; the event, or the LineError that refuses it. */
    private Object parseWith(JsonParser parser, long lineNumber) {
        try {
            return readEvent(parser);
        } catch (InputFault fault) {
            return fault.at(lineOf(parser, lineNumber));
        } catch (JsonProcessingException syntax) {
            return new LineError(lineOf(parser, lineNumber), path(parser), "valid JSON", syntaxMessage(syntax));
        } catch (IOException impossible) {
            // The input is an array in memory; Jackson declares IOException for streams it might read.
            return new LineError(lineNumber, "", "valid JSON", String.valueOf(impossible.getMessage()));
        } finally {
            closeQuietly(parser);
        }
    }

    private Event readEvent(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) throw new InputFault("", "a JSON object", JsonValues.describe(parser));
        String id = null;
        String type = null;
        Instant occurredAt = null;
        String partnerId = null;
        Map<String, Object> data = null;
        boolean partnerSeen = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "id" -> id = once(id, name, text(parser, name, ID_LENGTH_MAX, null));
                case "type" -> type = once(type, name, type(parser));
                case "occurred_at" -> occurredAt = once(occurredAt, name, instant(parser));
                case "partner" -> {
                    if (partnerSeen) throw new InputFault(name, "each field once", "it twice");
                    partnerSeen = true;
                    partnerId = parser.currentToken() == JsonToken.VALUE_NULL ? null : text(parser, name, PARTNER_ID_LENGTH_MAX, null);
                }
                case "data" -> data = once(data, name, dataReader.read(parser));
                default -> throw new InputFault(name, FIELDS_EXPECTED, "an unknown field");
            }
        }
        if (parser.nextToken() != null) {
            throw new InputFault("", "one JSON object per line", "more after the object: " + JsonValues.describe(parser));
        }
        if (id == null) throw missing("id", "every event has an id");
        if (type == null) throw missing("type", "every event has a type");
        if (occurredAt == null) throw missing("occurred_at", "every event has a time");
        if (data == null) throw missing("data", "every event has a data object, {} if empty");
        for (String field : EventTypes.REQUIRED_FIELDS.get(type)) {
            if (!data.containsKey(field)) throw missing("data." + field, "a " + type + " event has " + field);
        }
        return new Event(id, type, occurredAt, partnerId, data);
    }

    private static <T> T once(T previous, String field, T value) {
        if (previous != null) throw new InputFault(field, "each field once", "it twice");
        return value;
    }

    private static InputFault missing(String field, String why) {
        return new InputFault(field, "a value (" + why + ")", "none");
    }

    private static String text(JsonParser parser, String field, int lengthMax, StringPool pool) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) throw new InputFault(field, "a string", JsonValues.describe(parser));
        int length = parser.getTextLength();
        if (length == 0 || length > lengthMax) {
            throw new InputFault(field, "a string of 1 to " + lengthMax + " characters", "one of " + length);
        }
        return pool == null ? parser.getText() : pool.intern(parser.getTextCharacters(), parser.getTextOffset(), length);
    }

    private String type(JsonParser parser) throws IOException {
        String type = text(parser, "type", StringPool.TEXT_LENGTH_MAX, pool);
        if (!EventTypes.isKnown(type)) throw new InputFault("type", "a known event type (" + KNOWN_TYPES + ")", JsonValues.quote(type));
        return type;
    }

    private static Instant instant(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant instant = Instants.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (instant != null) return instant;
        }
        throw new InputFault("occurred_at", Instants.EXPECTED, JsonValues.describe(parser));
    }

    private static long lineOf(JsonParser parser, long lineNumber) {
        if (parser == null) return lineNumber;
        int line = parser.currentLocation().getLineNr();
        return line > 0 ? lineNumber + line - 1 : lineNumber;
    }

    /** The dotted path of where the parser is ({@code data.serial_numbers.2}), empty at the top. */
    static String path(JsonParser parser) {
        if (parser == null) return "";
        JsonStreamContext context = parser.getParsingContext();
        String pointer = context == null ? "" : context.pathAsPointer().toString();
        return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
    }

    static String syntaxMessage(JsonProcessingException syntax) {
        String message = String.valueOf(syntax.getOriginalMessage()).replace('\n', ' ');
        return "invalid JSON: " + (message.length() <= SYNTAX_MESSAGE_LENGTH_MAX ? message : message.substring(0, SYNTAX_MESSAGE_LENGTH_MAX) + "…");
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser == null) return;
        try {
            parser.close();
        } catch (IOException ignored) {
            // Closing an in-memory parser only returns its buffers to the pool.
        }
    }
}

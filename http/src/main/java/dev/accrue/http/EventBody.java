package dev.accrue.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventResult;
import dev.accrue.core.event.JsonLines;
import dev.accrue.core.event.LineError;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The events of a {@code POST /events} body, each parsed by the core's {@link EventParser}: one JSON
 * object, a JSON array of them ({@code application/json}), or JSON lines ({@code application/x-ndjson},
 * {@code application/jsonl}). Each event is a {@link Line} numbered from 1: its place in the array, or its
 * line in JSON lines (blank lines count). A line that does not parse keeps the parser's reason and, when
 * it can be read, its id. Whole-body faults are problems: not UTF-8, a broken array (400), more than
 * {@link Limits#EVENTS_PER_REQUEST_MAX} events or {@link Limits#EVENTS_BODY_BYTES_MAX} bytes (413), another
 * content type (415).
 */
final class EventBody {
    static final Set<String> JSON_LINES_TYPES = Set.of("application/x-ndjson", "application/jsonl", "application/json-lines");
    private static final JsonFactory FACTORY = new JsonFactory();

    enum Format { JSON, JSON_LINES }

    /**
     * One event of the body: the event and the JSON text it was parsed from (what is stored), or why it was
     * refused ({@code error}, its line set to this line). An array element or a single object longer than a
     * line may be ({@link JsonLines#LINE_LENGTH_MAX}, which the parser reads back) has no text: it is stored
     * as its canonical JSON.
     */
    record Line(int line, String id, Event event, String json, LineError error) {}

    private EventBody() {}

    /** The format a content type names (none: JSON), or a 415. */
    static Format format(String contentType) {
        if (contentType == null || contentType.isBlank()) return Format.JSON;
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(Json.CONTENT_TYPE)) return Format.JSON;
        if (JSON_LINES_TYPES.contains(type)) return Format.JSON_LINES;
        throw ApiException.unsupportedMediaType("send events as " + Json.CONTENT_TYPE + " (an object or an array) or as JSON lines "
                + "(application/x-ndjson or application/jsonl), not " + contentType);
    }

    /** Reads the whole body, refusing it with a 413 as soon as it passes {@code bytesMax}. */
    static byte[] read(InputStream in, long bytesMax) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int read; (read = in.read(chunk)) >= 0; ) {
                if (body.size() + (long) read > bytesMax) throw tooLarge("a body of events is at most " + bytesMax + " bytes");
                body.write(chunk, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        return body.toByteArray();
    }

    static List<Line> parse(byte[] body, Format format, EventParser parser) {
        char[] chars = utf8(body);
        return format == Format.JSON_LINES ? jsonLines(chars, parser) : json(chars, parser);
    }

    private static char[] utf8(byte[] body) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            return chars;
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not UTF-8 text");
        }
    }

    private static List<Line> jsonLines(char[] chars, EventParser parser) {
        List<Line> lines = new ArrayList<>();
        JsonLines.forEach(new CharArrayReader(chars), (buffer, offset, length, lineNumber) -> {
            if (lines.size() == Limits.EVENTS_PER_REQUEST_MAX) throw tooManyEvents();
            lines.add(line(parser.parseLine(buffer, offset, length, lineNumber), (int) lineNumber, buffer, offset, length));
        }, lineNumber -> {
            if (lines.size() == Limits.EVENTS_PER_REQUEST_MAX) throw tooManyEvents();
            lines.add(new Line((int) lineNumber, null, null, null, new LineError(lineNumber, "",
                    "a line of at most " + JsonLines.LINE_LENGTH_MAX + " characters", "a longer line")));
        });
        return lines;
    }

    /** One object, or an array of objects whose ranges go to the event parser one by one. */
    private static List<Line> json(char[] chars, EventParser parser) {
        List<Line> lines = new ArrayList<>();
        try (JsonParser json = FACTORY.createParser(chars)) {
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_OBJECT) {
                lines.add(line(parser.parseLine(chars, 0, chars.length, 1), 1, chars, 0, chars.length));
                return lines;
            }
            if (first != JsonToken.START_ARRAY) throw ApiException.badRequest("the body is an event (a JSON object) or an array of them");
            for (JsonToken token; (token = json.nextToken()) != JsonToken.END_ARRAY; ) {
                if (token == null) throw ApiException.badRequest("the array of events is not closed");
                if (lines.size() == Limits.EVENTS_PER_REQUEST_MAX) throw tooManyEvents();
                int position = lines.size() + 1;
                int start = (int) json.currentTokenLocation().getCharOffset();
                json.skipChildren();
                int end = (int) json.currentLocation().getCharOffset();
                if (token != JsonToken.START_OBJECT) {
                    lines.add(new Line(position, null, null, null, new LineError(position, "", "a JSON object", "the value " + excerpt(chars, start, end))));
                } else {
                    lines.add(line(parser.parseLine(chars, start, end - start, position), position, chars, start, end - start));
                }
            }
            if (json.nextToken() != null) throw ApiException.badRequest("more after the array of events");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading from memory", impossible);
        }
        return lines;
    }

    /** The parser's answer as the line numbered {@code line} (an array element's errors count lines within it otherwise). */
    private static Line line(EventResult result, int line, char[] chars, int offset, int length) {
        return switch (result) {
            case EventResult.Valid valid -> new Line(line, valid.event().id(), valid.event(),
                    length <= JsonLines.LINE_LENGTH_MAX ? new String(chars, offset, length) : null, null);
            case EventResult.Invalid invalid -> new Line(line, idOf(chars, offset, length), null, null,
                    new LineError(line, invalid.error().field(), invalid.error().expected(), invalid.error().found()));
        };
    }

    /** The top-level {@code id} of a refused event when it is a string that can be read before the fault, else null. */
    static String idOf(char[] chars, int offset, int length) {
        try (JsonParser json = FACTORY.createParser(chars, offset, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) return null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("id")) {
                    return value == JsonToken.VALUE_STRING && json.getTextLength() <= EventParser.ID_LENGTH_MAX ? json.getText() : null;
                }
                json.skipChildren();
            }
            return null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String excerpt(char[] chars, int start, int end) {
        int length = Math.min(end - start, 40);
        return new String(chars, start, length) + (end - start > length ? "…" : "");
    }

    private static ApiException tooManyEvents() {
        return tooLarge("a request carries at most " + Limits.EVENTS_PER_REQUEST_MAX + " events; split the batch");
    }

    private static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", "Request body too large", detail, List.of());
    }
}

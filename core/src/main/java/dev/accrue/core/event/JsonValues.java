package dev.accrue.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads free-form JSON values (event data, partner attributes) into the values conditions see:
 * strings → String, integers → Long, other numbers → BigDecimal (exact, never double), booleans → Boolean,
 * arrays → List, objects → Map, all immutable. A JSON null is the same as an absent field. Every size is
 * bounded by a named limit, and exceeding it is an {@link InputFault}.
 */
public final class JsonValues {
    /** Objects and arrays nest at most this deep, counting the outermost data or attributes object as 1. */
    public static final int DEPTH_MAX = 5;
    public static final int STRING_LENGTH_MAX = 1024;
    public static final int KEY_LENGTH_MAX = 64;
    public static final int ARRAY_LENGTH_MAX = 1000;
    public static final int OBJECT_FIELDS_MAX = 100;
    /** Quoted input in an error message is cut here, so one bad line cannot flood a report. */
    static final int FOUND_TEXT_MAX = 60;

    private JsonValues() {}

    /** Reads the object starting at the parser's current token; {@code depth} is 1 for a top-level object. */
    public static Map<String, Object> readObject(JsonParser parser, int depth) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw new InputFault("", "an object", describe(parser));
        return readObject(parser, depth, null);
    }

    /** The value at the parser's current token, or null for a JSON null; {@code depth} is that of its container. */
    static Object read(JsonParser parser, int depth, StringPool pool) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> string(parser, pool);
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> readArray(parser, depth + 1, pool);
            case START_OBJECT -> readObject(parser, depth + 1, pool);
            default -> throw new InputFault("", "a JSON value", describe(parser));
        };
    }

    static Map<String, Object> readObject(JsonParser parser, int depth, StringPool pool) throws IOException {
        checkDepth(depth);
        FieldCollector fields = new FieldCollector();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = key(parser, fields);
            parser.nextToken();
            Object value;
            try {
                value = read(parser, depth, pool);
            } catch (InputFault fault) {
                throw fault.within(key);
            }
            if (value != null) fields.add(key, value);
        }
        return fields.toMap();
    }

    /** The current field name, checked for length, repetition and the field count of its object. */
    static String key(JsonParser parser, FieldCollector fields) throws IOException {
        String key = parser.currentName();
        if (key.isEmpty() || key.length() > KEY_LENGTH_MAX) {
            throw new InputFault("", "field names of 1 to " + KEY_LENGTH_MAX + " characters", "the name " + quote(key));
        }
        if (fields.contains(key)) throw new InputFault(key, "each field once", "it twice");
        if (fields.size() == OBJECT_FIELDS_MAX) {
            throw new InputFault(key, "at most " + OBJECT_FIELDS_MAX + " fields in an object", "more");
        }
        return key;
    }

    private static List<Object> readArray(JsonParser parser, int depth, StringPool pool) throws IOException {
        checkDepth(depth);
        List<Object> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (items.size() == ARRAY_LENGTH_MAX) {
                throw new InputFault("[" + items.size() + "]", "at most " + ARRAY_LENGTH_MAX + " items in an array", "more");
            }
            Object item;
            try {
                item = read(parser, depth, pool);
            } catch (InputFault fault) {
                throw fault.within("[" + items.size() + "]");
            }
            if (item == null) throw new InputFault("[" + items.size() + "]", "a value (arrays hold no nulls)", "null");
            items.add(item);
        }
        return List.copyOf(items);
    }

    static String string(JsonParser parser, StringPool pool) throws IOException {
        int length = parser.getTextLength();
        if (length > STRING_LENGTH_MAX) {
            throw new InputFault("", "a string of at most " + STRING_LENGTH_MAX + " characters", "one of " + length);
        }
        if (pool == null) return parser.getText();
        return pool.intern(parser.getTextCharacters(), parser.getTextOffset(), length);
    }

    static Long integer(JsonParser parser) throws IOException {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InputFault("", "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE, "the number " + quoteless(parser.getText()));
        }
        return parser.getLongValue();
    }

    private static void checkDepth(int depth) {
        if (depth > DEPTH_MAX) throw new InputFault("", "at most " + DEPTH_MAX + " levels of nested objects and arrays", "deeper nesting");
    }

    /** How the current token reads in an error message: {@code the number 60000.5}, {@code the string "abc"}, {@code an array}. */
    public static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) return "nothing";
        return switch (token) {
            case VALUE_STRING -> "the string " + quote(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + quoteless(parser.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> quoteless(parser.getText());
        };
    }

    static String quote(String text) {
        return "\"" + quoteless(text) + "\"";
    }

    private static String quoteless(String text) {
        return text.length() <= FOUND_TEXT_MAX ? text : text.substring(0, FOUND_TEXT_MAX) + "…";
    }
}

package dev.accrue.postgres.events;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An event as canonical JSON: the contract's fields in the contract's order ({@code id, type,
 * occurred_at, partner?, data}), data keys sorted at every level, the time in UTC, amounts as decimal
 * strings, no spaces, and every character beyond ASCII (and every control character) escaped as
 * {@code \u005Cu00e9}. Read back with the core's event parser it gives an equal {@link Event} (decimals to
 * their scale), and one event sent twice, however it was laid out, has one text: the store compares texts
 * to tell a duplicate from a conflict.
 *
 * <p>Escaping keeps every string exact, an unpaired surrogate included (UTF-8 cannot carry one), and the
 * text plain ASCII. A decimal without a fraction is written with an exponent ({@code 5E0}), because
 * {@code 5} would read back as an integer. Written by hand into one builder: a JSON generator per event
 * costs more than the writing (its buffers are not recycled on virtual threads).
 */
final class EventJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventJson() {}

    static String write(Event event) {
        StringBuilder json = new StringBuilder(320);
        json.append("{\"id\":");
        string(json, event.id());
        json.append(",\"type\":");
        string(json, event.type());
        json.append(",\"occurred_at\":\"").append(event.occurredAt()).append('"');
        if (event.partnerId() != null) {
            json.append(",\"partner\":");
            string(json, event.partnerId());
        }
        json.append(",\"data\":");
        object(json, event.data(), true);
        return json.append('}').toString();
    }

    private static void object(StringBuilder json, Map<?, ?> map, boolean topLevelData) {
        String[] keys = new String[map.size()];
        int count = 0;
        for (Object key : map.keySet()) keys[count++] = (String) key;
        Arrays.sort(keys);
        json.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) json.append(',');
            string(json, keys[i]);
            json.append(':');
            Object value = map.get(keys[i]);
            if (topLevelData && value instanceof BigDecimal amount && EventTypes.AMOUNT_FIELDS.contains(keys[i])) {
                string(json, amount.toPlainString());
            } else {
                value(json, value);
            }
        }
        json.append('}');
    }

    private static void value(StringBuilder json, Object value) {
        switch (value) {
            case String text -> string(json, text);
            case Long number -> json.append(number.longValue());
            case Boolean flag -> json.append(flag.booleanValue());
            case BigDecimal decimal -> {
                if (decimal.scale() > 0) json.append(decimal);
                else json.append(decimal.unscaledValue()).append('E').append(-decimal.scale());
            }
            case List<?> list -> {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) json.append(',');
                    value(json, list.get(i));
                }
                json.append(']');
            }
            case Map<?, ?> map -> object(json, map, false);
            default -> throw new IllegalArgumentException("not a value of event data: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        int plain = 0;   // most strings need no escape at all: they go in with one copy
        while (plain < text.length() && plainChar(text.charAt(plain))) plain++;
        json.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private static boolean plainChar(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }
}

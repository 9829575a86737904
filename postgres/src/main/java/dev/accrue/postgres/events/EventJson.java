package dev.accrue.postgres.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An event as canonical JSON: the contract's fields in the contract's order ({@code id, type,
 * occurred_at, partner?, data}), data keys sorted at every level, the time in UTC, amounts as decimal
 * strings, every character beyond ASCII escaped. Read back with the core's event parser it gives an
 * equal {@link Event} (decimals to their scale), and one event sent twice, however it was laid out, has
 * one text: the store compares texts to tell a duplicate from a conflict.
 *
 * <p>Escaping beyond ASCII keeps every string exact, an unpaired surrogate included (UTF-8 cannot carry
 * one), and keeps the text plain ASCII. A decimal without a fraction is written with an exponent
 * ({@code 5E0}), because {@code 5} would read back as an integer.
 */
final class EventJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private EventJson() {}

    static String write(Event event) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("id", event.id());
            json.writeStringField("type", event.type());
            json.writeStringField("occurred_at", event.occurredAt().toString());
            if (event.partnerId() != null) json.writeStringField("partner", event.partnerId());
            json.writeFieldName("data");
            object(json, event.data(), true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void object(JsonGenerator json, Map<?, ?> map, boolean topLevelData) throws IOException {
        String[] keys = new String[map.size()];
        int count = 0;
        for (Object key : map.keySet()) keys[count++] = (String) key;
        Arrays.sort(keys);
        json.writeStartObject();
        for (String key : keys) {
            Object value = map.get(key);
            json.writeFieldName(key);
            if (topLevelData && value instanceof BigDecimal amount && EventTypes.AMOUNT_FIELDS.contains(key)) {
                json.writeString(amount.toPlainString());
            } else {
                value(json, value);
            }
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case String text -> json.writeString(text);
            case Long number -> json.writeNumber(number);
            case Boolean flag -> json.writeBoolean(flag);
            case BigDecimal decimal -> json.writeNumber(decimal.scale() > 0 ? decimal.toString()
                    : decimal.unscaledValue() + "E" + (-decimal.scale()));
            case List<?> list -> {
                json.writeStartArray();
                for (Object item : list) value(json, item);
                json.writeEndArray();
            }
            case Map<?, ?> map -> object(json, map, false);
            default -> throw new IllegalArgumentException("not a value of event data: " + value.getClass().getName());
        }
    }
}

package dev.accrue.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.partner.Partner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes events and partners as the contract's JSON lines (DESIGN.md, "Events" and "Partners"), so that
 * what a test builds can be fed to the real parsers, the command line or the API. Amount fields are written
 * as decimal strings; keys in sorted order, so the text is stable.
 */
public final class ContractJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ContractJson() {}

    /** One line, without its newline. */
    public static String event(Event event) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("id", event.id());
            json.writeStringField("type", event.type());
            json.writeStringField("occurred_at", event.occurredAt().toString());
            if (event.partnerId() != null) json.writeStringField("partner", event.partnerId());
            json.writeFieldName("data");
            json.writeStartObject();
            for (Map.Entry<String, Object> field : new TreeMap<>(event.data()).entrySet()) {
                json.writeFieldName(field.getKey());
                if (EventTypes.AMOUNT_FIELDS.contains(field.getKey()) && field.getValue() instanceof BigDecimal amount) {
                    json.writeString(amount.toPlainString());
                } else {
                    value(json, field.getValue());
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** One line per version, each a full snapshot; the first version has no {@code effective_from} if it is from the beginning. */
    public static String partner(Partner partner) {
        StringBuilder lines = new StringBuilder();
        for (Partner.Version version : partner.versions()) {
            lines.append(write(json -> {
                json.writeStartObject();
                json.writeStringField("id", partner.id());
                json.writeStringField("name", partner.name());
                json.writeStringField("type", version.type());
                if (version.tier() != null) json.writeStringField("tier", version.tier());
                if (partner.parent() != null) json.writeStringField("parent", partner.parent());
                json.writeFieldName("attributes");
                value(json, version.attributes());
                if (!version.effectiveFrom().equals(Partner.BEGINNING)) {
                    json.writeStringField("effective_from", version.effectiveFrom().toString());
                }
                json.writeEndObject();
            })).append('\n');
        }
        return lines.toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case String text -> json.writeString(text);
            case Long number -> json.writeNumber(number);
            case BigDecimal decimal -> json.writeNumber(decimal);
            case Boolean flag -> json.writeBoolean(flag);
            case List<?> list -> {
                json.writeStartArray();
                for (Object item : list) value(json, item);
                json.writeEndArray();
            }
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> field : new TreeMap<>(map).entrySet()) {
                    json.writeFieldName((String) field.getKey());
                    value(json, field.getValue());
                }
                json.writeEndObject();
            }
            default -> throw new IllegalArgumentException("not a contract value: " + value);
        }
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

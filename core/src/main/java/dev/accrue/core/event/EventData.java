package dev.accrue.core.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads an event's {@code data} object: amount fields as exact decimals from decimal strings (a JSON number
 * there is refused), integer fields as Long, the currency as a known ISO 4217 code, everything else as
 * {@link JsonValues} reads it. Owned by one {@link EventParser}; not thread-safe.
 */
final class EventData {
    static final String AMOUNT_EXPECTED = "a decimal string (amounts are decimal strings, e.g. \"60000.50\")";
    private static final String CURRENCY_EXPECTED = "an ISO 4217 currency code such as \"USD\"";
    /**
     * Data fields with few distinct values repeated across many events; pooling them saves an allocation per
     * value. Ids of partners, reps and customers have too many values to gain from it (see {@link StringPool}).
     */
    private static final Set<String> POOLED_FIELDS = Set.of("product_family", "sku", "channel", "metric", "milestone", "campaign");
    // How a data field is read; one lookup per field instead of one per rule.
    private static final byte AMOUNT = 1;
    private static final byte INTEGER = 2;
    private static final byte CURRENCY = 3;
    private static final byte POOLED = 4;

    private final StringPool pool;
    private final FieldCollector fields = new FieldCollector();
    private final Set<String> validCurrencies = new HashSet<>();
    private final Map<String, Byte> fieldKinds = fieldKinds();

    EventData(StringPool pool) {
        this.pool = pool;
    }

    /** The data object at the parser's current token, as an immutable map. */
    Map<String, Object> read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw new InputFault("data", "an object", JsonValues.describe(parser));
        fields.clear();
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = JsonValues.key(parser, fields);
                parser.nextToken();
                Object value;
                try {
                    value = dataValue(parser, key);
                } catch (InputFault fault) {
                    throw fault.within(key);
                }
                if (value != null) fields.add(key, value);
            }
            return fields.toMap();
        } catch (InputFault fault) {
            throw fault.within("data");
        } finally {
            fields.clear();
        }
    }

    private Object dataValue(JsonParser parser, String key) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) return null;
        Byte kind = fieldKinds.get(key);
        if (kind == null) return JsonValues.read(parser, 1, null);
        return switch (kind) {
            case AMOUNT -> amount(parser);
            case INTEGER -> integer(parser);
            case CURRENCY -> currency(parser);
            default -> JsonValues.read(parser, 1, pool);
        };
    }

    private static Map<String, Byte> fieldKinds() {
        Map<String, Byte> kinds = new HashMap<>();
        POOLED_FIELDS.forEach(field -> kinds.put(field, POOLED));
        EventTypes.INTEGER_FIELDS.forEach(field -> kinds.put(field, INTEGER));
        EventTypes.AMOUNT_FIELDS.forEach(field -> kinds.put(field, AMOUNT));
        kinds.put(EventTypes.CURRENCY_FIELD, CURRENCY);
        return kinds;
    }

    private static BigDecimal amount(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) throw new InputFault("", AMOUNT_EXPECTED, JsonValues.describe(parser));
        BigDecimal amount = Decimals.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (amount == null) {
            throw new InputFault("", "a plain decimal such as \"60000.50\" (digits, optionally a point and more digits, at most "
                    + Decimals.TEXT_LENGTH_MAX + " characters)", JsonValues.describe(parser));
        }
        return amount;
    }

    private static Long integer(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) throw new InputFault("", "an integer", JsonValues.describe(parser));
        return JsonValues.integer(parser);
    }

    private String currency(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getTextLength() != 3) {
            throw new InputFault("", CURRENCY_EXPECTED, JsonValues.describe(parser));
        }
        String code = pool.intern(parser.getTextCharacters(), parser.getTextOffset(), 3);
        if (validCurrencies.contains(code)) return code;
        if (!isIsoCurrency(code)) throw new InputFault("", CURRENCY_EXPECTED, JsonValues.quote(code));
        validCurrencies.add(code);
        return code;
    }

    private static boolean isIsoCurrency(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}

package dev.accrue.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A partner as sent in a request body, checked field by field: every fault is collected, then all are
 * reported at once as a 422.
 */
record PartnerInput(String id, String name, String type, String tier, String parent, Map<String, Object> attributes,
                    Instant effectiveFrom) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (Limits.PARTNER_ID_LENGTH_MAX - 1) + "}");
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0," + (Limits.TYPE_LENGTH_MAX - 1) + "}");
    static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0," + (Limits.ATTRIBUTE_NAME_LENGTH_MAX - 1) + "}");
    private static final Set<String> FIELDS = Set.of("id", "name", "type", "tier", "parent", "attributes", "effective_from");

    /** Reads a body; {@code id} comes from the path when {@code pathId} is given (a body id must then match it). */
    static PartnerInput read(ObjectNode body, String pathId) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) errors.add(FieldError.of(name, "unknown field; a partner has " + String.join(", ", FIELDS.stream().sorted().toList())));
        }
        String id = text(body, "id", false, errors);
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) errors.add(FieldError.of("id", "does not match the id in the path ('" + pathId + "')"));
            id = pathId;
        }
        if (id == null && pathId == null) errors.add(FieldError.of("id", "is required"));
        else if (!ID.matcher(id).matches()) errors.add(FieldError.of("id", "letters, digits, '.', '_' and '-', at most " + Limits.PARTNER_ID_LENGTH_MAX + " characters, starting with a letter or digit"));
        String name = text(body, "name", true, errors);
        if (name != null && (name.isBlank() || name.length() > Limits.NAME_LENGTH_MAX)) errors.add(FieldError.of("name", "1 to " + Limits.NAME_LENGTH_MAX + " characters"));
        String type = text(body, "type", true, errors);
        if (type != null && !TYPE.matcher(type).matches()) errors.add(FieldError.of("type", "a lower-case word such as distributor, dealer or end_customer (letters, digits, '_'; at most " + Limits.TYPE_LENGTH_MAX + ")"));
        String tier = text(body, "tier", false, errors);
        if (tier != null && (tier.isBlank() || tier.length() > Limits.TYPE_LENGTH_MAX)) errors.add(FieldError.of("tier", "1 to " + Limits.TYPE_LENGTH_MAX + " characters"));
        String parent = text(body, "parent", false, errors);
        if (parent != null && !ID.matcher(parent).matches()) errors.add(FieldError.of("parent", "is not a partner id"));
        if (parent != null && parent.equals(id)) errors.add(FieldError.of("parent", "a partner cannot be its own parent"));
        Map<String, Object> attributes = attributes(body.get("attributes"), errors);
        Instant effectiveFrom = instant(body.get("effective_from"), "effective_from", errors);
        if (!errors.isEmpty()) throw ApiException.invalid("the partner has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s"), errors);
        return new PartnerInput(id, name, type, tier, parent, attributes, effectiveFrom);
    }

    private static String text(ObjectNode body, String field, boolean required, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) errors.add(FieldError.of(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(FieldError.of(field, "must be a string, got " + node.getNodeType().name().toLowerCase()));
            return null;
        }
        return node.textValue();
    }

    private static Map<String, Object> attributes(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) return Map.of();
        if (!node.isObject()) {
            errors.add(FieldError.of("attributes", "must be an object of names to values"));
            return Map.of();
        }
        if (node.size() > Limits.ATTRIBUTES_MAX) errors.add(FieldError.of("attributes", "at most " + Limits.ATTRIBUTES_MAX + " attributes"));
        if (node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Limits.ATTRIBUTES_JSON_BYTES_MAX) {
            errors.add(FieldError.of("attributes", "at most " + Limits.ATTRIBUTES_JSON_BYTES_MAX + " bytes as JSON"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String field = "attributes." + entry.getKey();
            if (!ATTRIBUTE_NAME.matcher(entry.getKey()).matches()) {
                errors.add(FieldError.of(field, "an attribute name is letters, digits and '_' (at most " + Limits.ATTRIBUTE_NAME_LENGTH_MAX + "), so that programs can say partner." + "name"));
            }
            Object value = value(entry.getValue(), field, 0, errors);
            if (value != null) attributes.put(entry.getKey(), value);
        });
        return attributes;
    }

    /** A JSON value as plain Java (Boolean, String, BigDecimal/Long, List, Map); null values are refused: leave the attribute out instead. */
    private static Object value(JsonNode node, String field, int depth, List<FieldError> errors) {
        if (depth > Limits.ATTRIBUTE_DEPTH_MAX) {
            errors.add(FieldError.of(field, "nested deeper than " + Limits.ATTRIBUTE_DEPTH_MAX));
            return null;
        }
        if (node.isNull()) {
            errors.add(FieldError.of(field, "null is not a value; leave the attribute out instead"));
            return null;
        }
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual()) return node.textValue();
        if (node.isIntegralNumber()) return node.canConvertToLong() ? (Object) node.longValue() : node.decimalValue();
        if (node.isNumber()) return node.decimalValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Object item = value(node.get(i), field + "[" + i + "]", depth + 1, errors);
                if (item != null) list.add(item);
            }
            return List.copyOf(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            Object item = value(entry.getValue(), field + "." + entry.getKey(), depth + 1, errors);
            if (item != null) map.put(entry.getKey(), item);
        });
        return map;
    }

    /** An instant ({@code 2026-04-01T00:00:00Z}) or a date ({@code 2026-04-01}, its start in UTC). */
    static Instant instant(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.add(FieldError.of(field, "a date or an instant as a string, e.g. 2026-04-01 or 2026-04-01T00:00:00Z"));
            return null;
        }
        Instant parsed = parseInstant(node.textValue());
        if (parsed == null) errors.add(FieldError.of(field, "a date or an instant, e.g. 2026-04-01 or 2026-04-01T00:00:00Z; got '" + node.textValue() + "'"));
        return parsed;
    }

    static Instant parseInstant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}

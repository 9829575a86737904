package dev.accrue.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.event.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Events from a file, one JSON line each, streamed to a consumer with the file line they came from.
 * JSON lines pass as they are (the server parses and judges them). CSV has a header row; each column
 * goes to the field it is mapped to ({@code --map net=net_amount}), or else to the field of its own name:
 * {@code id}, {@code type}, {@code occurred_at} and {@code partner} are the event's, anything else is a
 * {@code data} field ({@code data.} in front is allowed; dots make nested objects:
 * {@code data.shipping.region}). A column mapped to nothing ({@code --map notes=}) is left out, and so is
 * an empty cell. Cells take the type of the contract's field: amounts stay decimal strings, quantities
 * become integers, {@code new_customer} and {@code email_verified} booleans, {@code serial_numbers} a list
 * split on {@code |}; the contract's text fields stay text; other columns become {@code true}/{@code false},
 * a number when they are written as one (not with a leading zero), else text.
 */
public final class EventFile {
    static final Set<String> EVENT_FIELDS = Set.of("id", "type", "occurred_at", "partner");
    static final Set<String> BOOLEAN_FIELDS = Set.of("new_customer", "email_verified");
    static final Set<String> LIST_FIELDS = Set.of("serial_numbers");
    static final Set<String> TEXT_FIELDS = Set.of("line_id", "sku", "product_family", "currency", "customer_id", "channel", "rep_id",
            "deal_registration", "original_line_id", "code", "visitor_id", "invoice", "campaign", "milestone", "metric", "serial_number");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)\\.\\d+");

    private EventFile() {}

    /** One line of the file: the event as a JSON line to send, or why it cannot be sent. */
    public sealed interface Item {
        long line();
    }

    public record Event(long line, String json) implements Item {}

    public record Unreadable(long line, String reason) implements Item {}

    /** The file as a whole cannot be read (a header that does not fit the mapping); nothing was sent. */
    public static final class BadFile extends RuntimeException {
        private final long line;

        BadFile(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** Parses {@code --map} options ({@code column=field}) into column → field ("" to leave the column out). */
    public static Map<String, String> mapping(List<String> options) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals <= 0) throw new BadFile(0, "--map takes column=field (e.g. net=net_amount), got '" + option + "'");
            String column = option.substring(0, equals).trim();
            if (mapping.put(column, option.substring(equals + 1).trim()) != null) throw new BadFile(0, "--map names column '" + column + "' twice");
        }
        return mapping;
    }

    /** JSON lines: each non-blank line is an event as written. */
    public static void jsonLines(BufferedReader reader, Consumer<Item> items) throws IOException {
        long line = 0;
        for (String text; (text = reader.readLine()) != null; ) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.isBlank()) continue;
            if (text.length() > JsonLines.LINE_LENGTH_MAX) {
                items.accept(new Unreadable(line, "a line longer than " + JsonLines.LINE_LENGTH_MAX + " characters"));
            } else {
                items.accept(new Event(line, text.strip()));
            }
        }
    }

    /** CSV with a header row; {@code mapping} from {@link #mapping}. */
    public static void csv(BufferedReader reader, Map<String, String> mapping, Consumer<Item> items) throws IOException {
        CsvRecords records = new CsvRecords(reader);
        CsvRecords.Record header = records.next();
        if (header == null) return;
        List<String> columns = header.fields().stream().map(column -> column.strip().replace("\uFEFF", "")).toList();
        List<String[]> targets = targets(columns, mapping);
        for (CsvRecords.Record record; (record = records.next()) != null; ) {
            if (record.blank()) continue;
            if (record.fields().size() != columns.size()) {
                items.accept(new Unreadable(record.line(), "has " + record.fields().size() + " columns, the header " + columns.size()));
                continue;
            }
            items.accept(new Event(record.line(), event(record.fields(), targets).toString()));
        }
    }

    /** Per column, the path it fills ({@code ["data", "net_amount"]}), or null to leave it out. */
    private static List<String[]> targets(List<String> columns, Map<String, String> mapping) {
        for (String column : mapping.keySet()) {
            if (!columns.contains(column)) throw new BadFile(1, "--map names column '" + column + "', which the header does not have");
        }
        List<String[]> targets = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        for (String column : columns) {
            String field = mapping.getOrDefault(column, column);
            if (field.isEmpty()) {
                targets.add(null);
                continue;
            }
            String[] path = field.startsWith("data.") ? field.split("\\.") : EVENT_FIELDS.contains(field) ? new String[] {field}
                    : ("data." + field).split("\\.");
            for (String part : path) {
                if (part.isEmpty()) throw new BadFile(1, "column '" + column + "' maps to '" + field + "', which is not a field name");
            }
            String joined = String.join(".", path);
            if (filled.contains(joined)) throw new BadFile(1, "two columns fill " + joined + "; map one of them elsewhere (--map column=field) or to nothing (--map column=)");
            filled.add(joined);
            targets.add(path);
        }
        for (String required : List.of("id", "type", "occurred_at")) {
            if (!filled.contains(required)) throw new BadFile(1, "no column gives the event's " + required + "; name one " + required + " or map one: --map COLUMN=" + required);
        }
        return targets;
    }

    private static ObjectNode event(List<String> cells, List<String[]> targets) {
        ObjectNode event = NODES.objectNode();
        ObjectNode data = NODES.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String[] path = targets.get(i);
            String cell = cells.get(i);
            if (path == null || cell.isEmpty()) continue;
            if (path.length == 1) {
                event.put(path[0], cell);
                continue;
            }
            ObjectNode parent = data;
            for (int depth = 1; depth < path.length - 1; depth++) {
                JsonNode child = parent.get(path[depth]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[depth]);
            }
            String name = path[path.length - 1];
            parent.set(name, value(path.length == 2 ? name : null, cell));
        }
        event.set("data", data);
        return event;
    }

    /** A cell as the value of a data field; {@code field} is the top-level data field's name (null inside a nested object). */
    static JsonNode value(String field, String cell) {
        if (field != null) {
            if (EventTypes.AMOUNT_FIELDS.contains(field) || TEXT_FIELDS.contains(field)) return NODES.textNode(cell);
            if (EventTypes.INTEGER_FIELDS.contains(field)) return INTEGER.matcher(cell).matches() ? NODES.numberNode(Long.parseLong(cell)) : NODES.textNode(cell);
            if (BOOLEAN_FIELDS.contains(field)) return cell.equals("true") || cell.equals("false") ? NODES.booleanNode(cell.equals("true")) : NODES.textNode(cell);
            if (LIST_FIELDS.contains(field)) {
                ArrayNode list = NODES.arrayNode();
                for (String item : cell.split("\\|")) if (!item.isBlank()) list.add(item.strip());
                return list;
            }
        }
        if (cell.equals("true") || cell.equals("false")) return NODES.booleanNode(cell.equals("true"));
        if (INTEGER.matcher(cell).matches()) return NODES.numberNode(Long.parseLong(cell));
        if (DECIMAL.matcher(cell).matches()) return NODES.numberNode(new BigDecimal(cell));
        return NODES.textNode(cell);
    }
}

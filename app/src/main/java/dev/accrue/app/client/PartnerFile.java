package dev.accrue.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Partners from a file, as API request bodies: JSON lines ({@code {"id", "name", "type", "tier"?,
 * "parent"?, "attributes"?, "effective_from"?}} per line) or CSV with a header row, where the columns
 * id, name, type, tier, parent and effective_from are those fields and every other column is an
 * attribute (true/false become booleans, numbers numbers, and a value with '|' a list).
 * Parents come before their children in the result, whatever the file's order.
 */
public final class PartnerFile {
    /** Partners in one file. */
    public static final int PARTNERS_MAX = 100_000;
    static final Set<String> CSV_FIELDS = Set.of("id", "name", "type", "tier", "parent", "effective_from");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private PartnerFile() {}

    /** One partner with the file line it came from. */
    public record Row(int line, ObjectNode body) {
        public String id() {
            JsonNode id = body.get("id");
            return id == null ? "" : id.asText();
        }
    }

    /** Rows of {@code text}; a line that cannot be read is a {@link BadLine} naming it. */
    public static List<Row> read(String text, boolean csv) {
        List<Row> rows = csv ? csv(text) : jsonLines(text);
        if (rows.size() > PARTNERS_MAX) throw new BadLine(0, "more than " + PARTNERS_MAX + " partners in one file; split it");
        return parentsFirst(rows);
    }

    private static List<Row> jsonLines(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                JsonNode node = JSON.readTree(line);
                if (!(node instanceof ObjectNode object)) throw new BadLine(i + 1, "not a JSON object");
                rows.add(new Row(i + 1, object));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadLine(i + 1, "not JSON: " + e.getOriginalMessage());
            }
        }
        return rows;
    }

    private static List<Row> csv(String text) {
        List<CsvRecords.Record> records = new ArrayList<>();
        try {
            CsvRecords reader = new CsvRecords(new java.io.StringReader(text));
            for (CsvRecords.Record record; (record = reader.next()) != null; ) records.add(record);
        } catch (java.io.IOException e) {
            throw new BadLine(records.size() + 1, e.getMessage());
        }
        if (records.isEmpty()) return List.of();
        List<String> header = records.get(0).fields().stream().map(String::trim).toList();
        if (!header.contains("id")) throw new BadLine(1, "the header row needs an id column (and name, type)");
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).blank()) continue;
            int line = (int) records.get(r).line();
            List<String> record = records.get(r).fields();
            if (record.size() != header.size()) throw new BadLine(line, "has " + record.size() + " columns, the header " + header.size());
            ObjectNode body = JSON.createObjectNode();
            ObjectNode attributes = JSON.createObjectNode();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String value = record.get(c);
                if (value.isEmpty()) continue;
                if (CSV_FIELDS.contains(column)) body.put(column, value);
                else attributes.set(column, attributeValue(value));
            }
            body.set("attributes", attributes);
            rows.add(new Row(line, body));
        }
        return rows;
    }

    private static JsonNode attributeValue(String value) {
        if (value.contains("|")) {
            ArrayNode list = JSON.createArrayNode();
            for (String item : value.split("\\|")) if (!item.isBlank()) list.add(attributeValue(item.trim()));
            return list;
        }
        if (value.equals("true") || value.equals("false")) return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
        if (INTEGER.matcher(value).matches()) return JSON.getNodeFactory().numberNode(Long.parseLong(value));
        if (DECIMAL.matcher(value).matches()) return JSON.getNodeFactory().numberNode(new java.math.BigDecimal(value));
        return JSON.getNodeFactory().textNode(value);
    }

    /** Orders rows so that a parent in the file comes before its children (file order otherwise). */
    static List<Row> parentsFirst(List<Row> rows) {
        Map<String, Row> byId = new HashMap<>();
        for (Row row : rows) byId.put(row.id(), row);
        Set<Row> ordered = new LinkedHashSet<>();
        for (Row row : rows) visit(row, byId, ordered, new java.util.HashSet<>());
        return List.copyOf(ordered);
    }

    private static void visit(Row row, Map<String, Row> byId, Set<Row> ordered, Set<String> path) {
        if (ordered.contains(row) || !path.add(row.id())) return;
        JsonNode parent = row.body().get("parent");
        if (parent != null && byId.containsKey(parent.asText())) visit(byId.get(parent.asText()), byId, ordered, path);
        ordered.add(row);
    }

    /** A line of the file that is not a partner. */
    public static final class BadLine extends RuntimeException {
        private final int line;

        BadLine(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}

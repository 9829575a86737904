package dev.accrue.core.program;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML or JSON document into a {@link YamlNode} tree with positions. A document whose first
 * character is <code>{</code> is read as JSON (stricter, and tabs are fine there); anything else as YAML.
 * Refuses what would make a program ambiguous or expensive: duplicate keys, anchors and aliases,
 * several documents in one, nesting past {@link ProgramLimits#NESTING_DEPTH_MAX}.
 */
final class DocumentReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The tree and the document's lines (for placing errors inside expressions). */
    record Document(YamlNode root, List<String> lines) {}

    private final Faults faults;
    private JsonParser parser;

    private DocumentReader(Faults faults) {
        this.faults = faults;
    }

    /** The document, or null when it cannot be read (the reasons are in {@code faults}). */
    static Document read(String text, Faults faults) {
        if (text.length() > ProgramLimits.DOCUMENT_CHARS_MAX) {
            faults.at(0, 0, "", "the document has " + text.length() + " characters; the limit is " + ProgramLimits.DOCUMENT_CHARS_MAX);
            return null;
        }
        if (text.isBlank()) {
            faults.at(1, 1, "", "the document is empty");
            return null;
        }
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        YamlNode root = new DocumentReader(faults).readRoot(text, lines);
        return root == null ? null : new Document(root, lines);
    }

    private YamlNode readRoot(String text, List<String> lines) {
        boolean json = text.stripLeading().startsWith("{");
        try (JsonParser opened = json ? JSON.createParser(text) : YAML.createParser(text)) {
            parser = opened;
            JsonToken first = parser.nextToken();
            if (first == null) {
                faults.at(1, 1, "", "the document is empty");
                return null;
            }
            YamlNode root = readValue(first, 1, "", lines);
            JsonToken next = parser.nextToken();
            if (next != null) {
                JsonLocation where = parser.currentTokenLocation();
                faults.at(where.getLineNr(), where.getColumnNr(), "", "a document holds one program; a second one starts here");
            }
            return faults.any() ? null : root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // SnakeYAML's own mark points at the offending character; Jackson's location at the node before it.
                int line = yaml.getProblemMark().getLine() + 1;
                String problem = yaml.getProblem() != null ? yaml.getProblem() : e.getOriginalMessage();
                faults.at(line, yaml.getProblemMark().getColumn() + 1, "", "not valid YAML: " + problem + flowHint(lines, line));
                return null;
            }
            JsonLocation where = e.getLocation();
            faults.at(where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr(), "",
                    "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail: " + e.getMessage(), e);
        }
    }

    /**
     * The usual cause of a YAML syntax error in a program: an expression with brackets, quotes or
     * operators written unquoted inside a one-line map <code>{...}</code> or list.
     */
    private static String flowHint(List<String> lines, int line) {
        if (line < 1 || line > lines.size()) return "";
        String text = lines.get(line - 1);
        return text.contains("{") || text.contains("[")
                ? " (inside {...} or [...], a value holding [ ] { } , : or # must be in quotes, e.g. when: \"period.count['sale'] >= 10\")"
                : "";
    }

    private YamlNode readValue(JsonToken token, int depth, String path, List<String> lines) throws IOException {
        JsonLocation where = parser.currentTokenLocation();
        int line = where.getLineNr();
        int column = where.getColumnNr();
        refuseAnchorsAndAliases(line, column, path);
        if (depth > ProgramLimits.NESTING_DEPTH_MAX && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            faults.at(line, column, path, "nested deeper than " + ProgramLimits.NESTING_DEPTH_MAX + " levels");
            parser.skipChildren();
            return new YamlNode.Scalar(line, column, YamlNode.ScalarKind.NULL, "null", ' ');
        }
        return switch (token) {
            case START_OBJECT -> readMap(line, column, depth, path, lines);
            case START_ARRAY -> readList(line, column, depth, path, lines);
            case VALUE_STRING -> scalar(line, column, YamlNode.ScalarKind.TEXT, parser.getText(), lines);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(line, column, YamlNode.ScalarKind.NUMBER, parser.getText(), lines);
            case VALUE_TRUE, VALUE_FALSE -> scalar(line, column, YamlNode.ScalarKind.BOOLEAN, parser.getText(), lines);
            case VALUE_NULL -> scalar(line, column, YamlNode.ScalarKind.NULL, "null", lines);
            default -> {
                faults.at(line, column, path, "unexpected " + token + " in the document");
                yield new YamlNode.Scalar(line, column, YamlNode.ScalarKind.NULL, "null", ' ');
            }
        };
    }

    private YamlNode.MapNode readMap(int line, int column, int depth, String path, List<String> lines) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Integer> seenOnLine = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = readValue(parser.nextToken(), depth + 1, keyPath, lines);
            Integer firstLine = seenOnLine.putIfAbsent(key, keyAt.getLineNr());
            if (firstLine != null) {
                faults.at(keyAt.getLineNr(), keyAt.getColumnNr(), keyPath, "'" + key + "' appears twice in one map (first on line " + firstLine + ")");
                continue;
            }
            entries.add(new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
        }
        return new YamlNode.MapNode(line, column, entries);
    }

    private YamlNode.ListNode readList(int line, int column, int depth, String path, List<String> lines) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(token, depth + 1, path + "[" + items.size() + "]", lines));
        }
        return new YamlNode.ListNode(line, column, items);
    }

    private static YamlNode.Scalar scalar(int line, int column, YamlNode.ScalarKind kind, String text, List<String> lines) {
        char style = ' ';
        if (line >= 1 && line <= lines.size() && column >= 1 && column <= lines.get(line - 1).length()) {
            char first = lines.get(line - 1).charAt(column - 1);
            if (first == '\'' || first == '"' || first == '|' || first == '>') style = first;
        }
        return new YamlNode.Scalar(line, column, kind, text, style);
    }

    private void refuseAnchorsAndAliases(int line, int column, String path) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) return;
        if (yaml.isCurrentAlias()) {
            faults.at(line, column, path, "aliases (*name) are not supported in programs; write the value out");
        } else if (yaml.getObjectId() != null) { // the anchor of the current node
            faults.at(line, column, path, "anchors (&name) are not supported in programs; write the value out");
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ProgramLimits.DOCUMENT_CHARS_MAX);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(ProgramLimits.NESTING_DEPTH_MAX * 2);
        return options;
    }
}

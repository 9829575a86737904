package dev.accrue.core.program;

import java.util.List;

/**
 * A program document as a tree that remembers where each value was written (1-based line and
 * column), so that every error can point at its place. Both YAML and JSON read into it.
 */
sealed interface YamlNode {
    int line();

    int column();

    /** How the value is named in messages: "a map", "a list", "the text 'x'". */
    String describe();

    record Entry(String key, int line, int column, YamlNode value) {}

    record MapNode(int line, int column, List<Entry> entries) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }

        Entry entry(String key) {
            for (Entry entry : entries) if (entry.key().equals(key)) return entry;
            return null;
        }

        YamlNode get(String key) {
            Entry entry = entry(key);
            return entry == null ? null : entry.value();
        }

        public String describe() {
            return "a map";
        }
    }

    record ListNode(int line, int column, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        public String describe() {
            return "a list";
        }
    }

    enum ScalarKind { TEXT, NUMBER, BOOLEAN, NULL }

    /**
     * A single value as written. {@code style} is the character that opened it in the source: a quote
     * ({@code '} or {@code "}), a block indicator ({@code |} or {@code >}), or a space for a plain value.
     */
    record Scalar(int line, int column, ScalarKind kind, String text, char style) implements YamlNode {
        boolean quoted() {
            return style == '\'' || style == '"';
        }

        public String describe() {
            return switch (kind) {
                case TEXT -> "the text '" + abbreviated(text) + "'";
                case NUMBER -> "the number " + abbreviated(text);
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "nothing (null)";
            };
        }

        private static String abbreviated(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }
}

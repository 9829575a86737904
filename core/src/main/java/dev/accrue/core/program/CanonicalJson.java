package dev.accrue.core.program;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A document as compact JSON with the keys of every map sorted, lists in their order, numbers as
 * written (so {@code 1000.00} stays {@code 1000.00}). Comments, layout, quoting style and key order
 * do not change it, so re-posting an unchanged program is recognized.
 */
final class CanonicalJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CanonicalJson() {}

    static String of(YamlNode root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(root, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(YamlNode node, JsonGenerator generator) throws IOException {
        switch (node) {
            case YamlNode.MapNode map -> {
                generator.writeStartObject();
                List<YamlNode.Entry> sorted = map.entries().stream().sorted(Comparator.comparing(YamlNode.Entry::key)).toList();
                for (YamlNode.Entry entry : sorted) {
                    generator.writeFieldName(entry.key());
                    write(entry.value(), generator);
                }
                generator.writeEndObject();
            }
            case YamlNode.ListNode list -> {
                generator.writeStartArray();
                for (YamlNode item : list.items()) write(item, generator);
                generator.writeEndArray();
            }
            case YamlNode.Scalar scalar -> {
                switch (scalar.kind()) {
                    case TEXT -> generator.writeString(scalar.text());
                    case NUMBER -> writeNumber(scalar.text(), generator);
                    case BOOLEAN -> generator.writeBoolean(Scalars.isTrue(scalar));
                    case NULL -> generator.writeNull();
                }
            }
        }
    }

    private static void writeNumber(String text, JsonGenerator generator) throws IOException {
        BigDecimal number = Scalars.decimalOrNull(text);
        if (number == null) generator.writeString(text); // YAML numbers JSON has no form for (0x1F, .inf)
        else generator.writeNumber(number.toPlainString());
    }
}

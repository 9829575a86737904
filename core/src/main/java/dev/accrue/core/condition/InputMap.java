package dev.accrue.core.condition;

import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.StructValue;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One of a condition's input maps ({@code partner}, {@code event}, ...) as the planner runtime reads it.
 *
 * <p>Why: CEL-Java 0.14's planner normalizes each variable's value on every access, and for a plain
 * {@code Map} that means walking every entry, recursively (a partner with 30 attributes costs 30
 * visits per condition). A value that is already a {@code CelValue} is taken as it is, and a
 * {@code SelectableValue} is read field by field. This class is both, and also a read-only
 * {@code Map}, so that CEL's map functions ({@code in}, {@code size}, {@code [ ]}) still apply to it.
 * The caller's map must hold CEL-ready values ({@link CelValues}).
 */
final class InputMap extends StructValue<String, Map<String, Object>> implements Map<String, Object> {
    private static final CelType NESTED_TYPE = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final Map<String, Object> fields;
    private final CelType type;

    InputMap(Map<String, Object> fields, CelType type) {
        this.fields = fields;
        this.type = type;
    }

    // CelValue and SelectableValue: how the planner reads event.product_family and has(event.rep_id).

    @Override
    public Map<String, Object> value() {
        return fields;
    }

    @Override
    public boolean isZeroValue() {
        return fields.isEmpty();
    }

    @Override
    public CelType celType() {
        return type;
    }

    @Override
    public Object select(String field) {
        Object value = fields.get(field);
        if (value == null && !fields.containsKey(field)) throw CelAttributeNotFoundException.forMissingMapKey(field);
        return nested(value);
    }

    @Override
    public Optional<Object> find(String field) {
        return fields.containsKey(field) ? Optional.ofNullable(nested(fields.get(field))) : Optional.empty();
    }

    /** A nested map ({@code period.mix}, {@code partner.attributes}) is wrapped too, so it is not walked either. */
    @SuppressWarnings("unchecked")
    private static Object nested(Object value) {
        if (value instanceof Map<?, ?> map && !(value instanceof InputMap)) return new InputMap((Map<String, Object>) map, NESTED_TYPE);
        return value;
    }

    // Map, read-only, delegating: how CEL's map functions read it.

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return fields.containsValue(value);
    }

    @Override
    public Object get(Object key) {
        return fields.get(key);
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("condition inputs are read-only");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("condition inputs are read-only");
    }

    @Override
    public void putAll(Map<? extends String, ?> values) {
        throw new UnsupportedOperationException("condition inputs are read-only");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("condition inputs are read-only");
    }

    @Override
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(fields.keySet());
    }

    @Override
    public Collection<Object> values() {
        return java.util.Collections.unmodifiableCollection(fields.values());
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return java.util.Collections.unmodifiableMap(fields).entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Map<?, ?> map && fields.equals(map);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}

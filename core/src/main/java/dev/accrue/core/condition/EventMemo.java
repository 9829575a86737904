package dev.accrue.core.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results of a condition that reads nothing but named fields of the event ({@code event.channel ==
 * 'direct'}, {@code has(event.deal_registration) && event.new_customer}), by the values of those fields.
 *
 * <p>Why: such a condition is judged for every event of its type, and its fields mostly take a handful of
 * values (families, channels, flags), so the same few answers are computed millions of times; a field that
 * is absent costs CEL an exception, microseconds each. A condition is a pure function of what it reads, so
 * the answer for the same values is the same. The memo stops growing at {@link #MAX_ENTRIES} (a field such
 * as an amount takes too many values to be worth it; those conditions are then simply evaluated).
 * Thread-safe: compiled conditions are shared.
 */
final class EventMemo {
    static final int MAX_ENTRIES = 4_096;
    /** Stand-ins in keys: a field the event does not have, and one it has as null. */
    private static final Object ABSENT = new Marker("absent");
    private static final Object NULL = new Marker("null");

    /**
     * A class, not a record: a record's hashCode and equals are bound at run time through method handles,
     * which showed as 5% of the simulator's time in keys made for every evaluation; a marker needs identity only.
     */
    private static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String[] fields;
    private final Map<Object, Boolean> results = new ConcurrentHashMap<>();

    private EventMemo(List<String> fields) {
        this.fields = fields.toArray(new String[0]);
    }

    /** A memo for the checked expression, or null when it reads anything but named event fields (or the event's time). */
    static EventMemo forExpression(CelAbstractSyntaxTree ast) {
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (reference.overloadIds().isEmpty() && !reference.name().equals(Variables.EVENT)) return null;
        }
        List<String> fields = new ArrayList<>();
        boolean[] onlyNamedFields = {true};
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr expr = node.expr();
            if (expr.exprKind().getKind() != CelExpr.ExprKind.Kind.IDENT) return;
            if (!expr.ident().name().equals(Variables.EVENT)) {
                onlyNamedFields[0] = false; // a comprehension's variable, or a name this analysis does not know
                return;
            }
            CelExpr parent = node.parent().map(CelNavigableExpr::expr).orElse(null);
            if (parent == null || parent.exprKind().getKind() != CelExpr.ExprKind.Kind.SELECT
                    || parent.select().operand().id() != expr.id()) {
                onlyNamedFields[0] = false; // the event as a whole: event['x'], size(event), ...
                return;
            }
            // Interned, as the event parser's field names are: the event's data finds them by identity.
            String field = parent.select().field().intern();
            if (field.equals("occurred_at")) onlyNamedFields[0] = false; // an instant: a new value for every event
            if (!fields.contains(field)) fields.add(field);
        });
        return onlyNamedFields[0] && !fields.isEmpty() ? new EventMemo(fields) : null;
    }

    /** The values the condition reads, as a key. */
    Object key(Map<String, Object> event) {
        if (fields.length == 1) return valueOf(event, fields[0]);
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) values[i] = valueOf(event, fields[i]);
        return new Key(values);
    }

    /** Several fields' values; compared without iterators, since a key is made for every evaluation. */
    private static final class Key {
        private final Object[] values;
        private final int hash;

        Key(Object[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static Object valueOf(Map<String, Object> event, String field) {
        Object value = event.getOrDefault(field, ABSENT);
        return value == null ? NULL : value;
    }

    Boolean get(Object key) {
        return results.get(key);
    }

    void put(Object key, boolean result) {
        if (results.size() < MAX_ENTRIES) results.putIfAbsent(key, result);
    }
}

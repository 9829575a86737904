package dev.accrue.core.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
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
 * as an amount takes too many values to be worth it; those conditions are then simply evaluated). The bound
 * leaves room for two fields of a few hundred values each ({@code event.sku.startsWith('MTR-') &&
 * event.quantity > 0}: 75 SKUs by 329 quantities in the benchmark's data), a few megabytes at most.
 * Thread-safe: compiled conditions are shared.
 */
final class EventMemo {
    static final int MAX_ENTRIES = 1 << 15;
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
    /** By field: read only for its presence ({@link #asksOnlyPresence}), so keyed by presence and type. */
    private final boolean[] presenceOnly;
    private final Map<Object, Boolean> results = new ConcurrentHashMap<>();

    private EventMemo(List<String> fields, boolean[] presenceOnly) {
        this.fields = fields.toArray(new String[0]);
        this.presenceOnly = presenceOnly;
    }

    /** A memo for the checked expression, or null when it reads anything but named event fields (or the event's time). */
    static EventMemo forExpression(CelAbstractSyntaxTree ast) {
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (reference.overloadIds().isEmpty() && !reference.name().equals(Variables.EVENT)) return null;
        }
        List<String> fields = new ArrayList<>();
        List<String> valuesRead = new ArrayList<>();
        boolean[] onlyNamedFields = {true};
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr expr = node.expr();
            if (expr.exprKind().getKind() != CelExpr.ExprKind.Kind.IDENT) return;
            if (!expr.ident().name().equals(Variables.EVENT)) {
                onlyNamedFields[0] = false; // a comprehension's variable, or a name this analysis does not know
                return;
            }
            CelNavigableExpr select = node.parent().orElse(null);
            if (select == null || select.expr().exprKind().getKind() != CelExpr.ExprKind.Kind.SELECT
                    || select.expr().select().operand().id() != expr.id()) {
                onlyNamedFields[0] = false; // the event as a whole: event['x'], size(event), ...
                return;
            }
            // Interned, as the event parser's field names are: the event's data finds them by identity.
            String field = select.expr().select().field().intern();
            if (field.equals("occurred_at")) onlyNamedFields[0] = false; // an instant: a new value for every event
            if (!fields.contains(field)) fields.add(field);
            if (!asksOnlyPresence(select) && !valuesRead.contains(field)) valuesRead.add(field);
        });
        if (!onlyNamedFields[0] || fields.isEmpty()) return null;
        boolean[] presence = new boolean[fields.size()];
        for (int i = 0; i < presence.length; i++) presence[i] = !valuesRead.contains(fields.get(i));
        return new EventMemo(fields, presence);
    }

    /**
     * Whether this use of {@code event.f} asks only whether the field is there: {@code has(event.f)},
     * {@code event.f != null}, {@code event.f == null}. Such a field is keyed by its presence and its value's
     * type, not its value: a deal registration's id is new on every event, its being there is not.
     */
    private static boolean asksOnlyPresence(CelNavigableExpr select) {
        if (select.expr().select().testOnly()) return true;
        CelExpr parent = select.parent().map(CelNavigableExpr::expr).orElse(null);
        if (parent == null || parent.exprKind().getKind() != CelExpr.ExprKind.Kind.CALL) return false;
        String function = parent.call().function();
        if (!function.equals("_==_") && !function.equals("_!=_") || parent.call().args().size() != 2) return false;
        for (CelExpr argument : parent.call().args()) {
            boolean isNull = argument.exprKind().getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && argument.constant().getKind() == CelConstant.Kind.NULL_VALUE;
            if (argument.id() != select.expr().id() && !isNull) return false;
        }
        return true;
    }

    /** The values the condition reads, as a key. */
    Object key(Map<String, Object> event) {
        if (fields.length == 1) return valueOf(event, 0);
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) values[i] = valueOf(event, i);
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

    private Object valueOf(Map<String, Object> event, int field) {
        Object value = event.getOrDefault(fields[field], ABSENT);
        if (value == null) return NULL;
        return presenceOnly[field] && value != ABSENT ? value.getClass() : value;
    }

    Boolean get(Object key) {
        return results.get(key);
    }

    /** Answers remembered (for tests). */
    int size() {
        return results.size();
    }

    void put(Object key, boolean result) {
        if (results.size() < MAX_ENTRIES) results.putIfAbsent(key, result);
    }
}

package dev.accrue.core.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.Optional;

/** A compiled CEL expression yielding a value; null when it reads an absent field or fails. */
record CelValueExpression(String source, Program program, RuntimeKind runtime) implements ValueExpression {
    @Override
    public Object evaluate(ConditionInput input) {
        try {
            Object value = program.eval(new InputResolver(input, runtime));
            // event.?rep_id gives an optional value; the caller wants the value or null.
            if (value instanceof Optional<?> optional) return optional.orElse(null);
            if (value instanceof dev.cel.common.values.NullValue) return null;
            return value;
        } catch (CelEvaluationException | RuntimeException absentOrMistyped) {
            return null;
        }
    }

    @Override
    public String toString() {
        return source;
    }
}

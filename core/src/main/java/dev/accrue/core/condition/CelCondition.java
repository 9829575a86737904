package dev.accrue.core.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * A compiled CEL condition. An evaluation error (an absent field, a value of another type) is false.
 * {@code memo}: the results by the values read, for a condition that reads only named event fields; else null.
 */
record CelCondition(String source, Program program, boolean readsPeriod, boolean readsOnlyPeriod, RuntimeKind runtime,
                    EventMemo memo) implements Condition {
    @Override
    public boolean test(ConditionInput input) {
        if (memo == null) return evaluate(input);
        Object key = memo.key(input.event());
        Boolean known = memo.get(key);
        if (known != null) return known;
        boolean result = evaluate(input);
        memo.put(key, result);
        return result;
    }

    private boolean evaluate(ConditionInput input) {
        try {
            return program.eval(new InputResolver(input, runtime)) instanceof Boolean result && result;
        } catch (CelEvaluationException | RuntimeException absentOrMistyped) {
            // DESIGN.md: "an absent value makes a condition false". CEL reports a missing key or a
            // type it cannot compare as an error; a RuntimeException here would come from an input
            // value CEL does not know, which the caller converts with CelValues.
            return false;
        }
    }

    @Override
    public String toString() {
        return source;
    }
}

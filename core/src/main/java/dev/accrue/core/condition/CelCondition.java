package dev.accrue.core.condition;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/** A compiled CEL condition. An evaluation error (an absent field, a value of another type) is false. */
record CelCondition(String source, Program program, boolean readsPeriod, boolean readsOnlyPeriod, RuntimeKind runtime)
        implements Condition {
    @Override
    public boolean test(ConditionInput input) {
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

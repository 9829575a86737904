package dev.accrue.core.condition;

/** A compiled CEL expression that yields a value, e.g. {@code payee: event.rep_id}; null when absent. */
public interface ValueExpression {
    String source();

    Object evaluate(ConditionInput input);
}

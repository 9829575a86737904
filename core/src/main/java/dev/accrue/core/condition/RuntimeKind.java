package dev.accrue.core.condition;

/**
 * Which CEL-Java evaluator runs compiled expressions. Both give the same answers; the planner, which
 * resolves attributes and overloads once when the program is built, is the faster one on our
 * conditions (docs/benchmarks.md) and is the default. The standard one stays selectable for comparison.
 */
public enum RuntimeKind {
    STANDARD, PLANNER
}

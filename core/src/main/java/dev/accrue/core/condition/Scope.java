package dev.accrue.core.condition;

import java.util.List;

/**
 * Where in a program an expression stands, which decides the variables it may read (DESIGN.md,
 * "Program format"). An expression that names a variable its scope does not have fails to compile.
 */
public enum Scope {
    /** A track's {@code partners:} selector. */
    TRACK_PARTNERS("a track's partners selector", List.of(Variables.PARTNER)),
    /** A gate's {@code when}, judged at period close. */
    GATE("a gate", List.of(Variables.PARTNER, Variables.PERIOD, Variables.PRIOR)),
    /** An event rule's {@code when}, its multipliers, {@code payee} and {@code once_per}. */
    EVENT_RULE("a rule on an event", List.of(Variables.PARTNER, Variables.EVENT, Variables.CUSTOMER, Variables.PERIOD, Variables.PRIOR)),
    /** A {@code period_close} rule's {@code when} and its multipliers. */
    PERIOD_CLOSE_RULE("a period_close rule", List.of(Variables.PARTNER, Variables.PERIOD, Variables.PRIOR));

    private final String description;
    private final List<String> variables;

    Scope(String description, List<String> variables) {
        this.description = description;
        this.variables = variables;
    }

    /** How an error message names the place, e.g. "a gate". */
    public String description() {
        return description;
    }

    /** The variables an expression in this scope may read, in the order the documentation lists them. */
    public List<String> variables() {
        return variables;
    }
}

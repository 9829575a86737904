package dev.accrue.core.program;

import dev.accrue.core.condition.Condition;

/** An eligibility condition judged at period close, on the partner as of the period's end and the final measures. */
public record Gate(String name, Condition when) {}

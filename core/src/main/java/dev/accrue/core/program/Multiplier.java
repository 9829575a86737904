package dev.accrue.core.program;

import dev.accrue.core.condition.Condition;
import java.math.BigDecimal;

/** Multiplies a rule's amount by {@code factor} when {@code when} holds. */
public record Multiplier(String name, Condition when, BigDecimal factor) {}

package dev.accrue.core.program;

/** Programs in one group never pay twice for one event line: only the matching program with the lowest priority counts it. */
public record Stacking(String group, int priority) {}

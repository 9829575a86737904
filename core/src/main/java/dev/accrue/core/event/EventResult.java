package dev.accrue.core.event;

/** The outcome of parsing one event: the event, or why its line was refused. */
public sealed interface EventResult {
    record Valid(Event event) implements EventResult {}

    record Invalid(LineError error) implements EventResult {}
}

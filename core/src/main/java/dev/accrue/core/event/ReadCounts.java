package dev.accrue.core.event;

/** How much of a stream was read: its lines (blank ones included), the events taken and the lines refused. */
public record ReadCounts(long lines, long events, long errors) {}

package dev.accrue.core.program;

/** A return or refund ({@code on}) within {@code withinDays} of the original reverses a closed earning. */
public record Clawback(String on, int withinDays) {}

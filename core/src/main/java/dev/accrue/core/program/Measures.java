package dev.accrue.core.program;

import java.util.List;

/**
 * Names of the period measures (DESIGN.md, "Period measures"), as conditions see them under
 * {@code period.} and {@code prior.}. Amounts are in the program unit's major units.
 */
public final class Measures {
    public static final String NET_SALES = "net_sales";
    public static final String GROSS_SALES = "gross_sales";
    public static final String UNITS = "units";
    public static final String RETURNS = "returns";
    public static final String RETURNS_RATE = "returns_rate";
    /** A map from product family to its share of net sales. */
    public static final String MIX = "mix";
    /** A map from event type to the number of such events. */
    public static final String COUNT = "count";
    /** Net sales against the same period a year earlier, minus one; absent without history. */
    public static final String GROWTH = "growth";

    /** The measures that are decimal numbers (usable as a tier measure or a basis). */
    public static final List<String> NUMERIC = List.of(NET_SALES, GROSS_SALES, UNITS, RETURNS, RETURNS_RATE, GROWTH);
    public static final List<String> ALL = List.of(NET_SALES, GROSS_SALES, UNITS, RETURNS, RETURNS_RATE, MIX, COUNT, GROWTH);

    private Measures() {}
}

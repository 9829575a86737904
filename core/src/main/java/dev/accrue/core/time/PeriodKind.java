package dev.accrue.core.time;

/** The length of a program period. */
public enum PeriodKind {
    MONTH, QUARTER, YEAR;

    public static PeriodKind parse(String text) {
        return switch (text) {
            case "month" -> MONTH;
            case "quarter" -> QUARTER;
            case "year" -> YEAR;
            default -> throw new IllegalArgumentException("period is month, quarter or year, got '" + text + "'");
        };
    }

    int monthsLong() {
        return switch (this) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
    }
}

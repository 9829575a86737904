package dev.accrue.core.program;

/** Reading {@code period.<measure>} and {@code prior.<measure>} references in structured fields. */
final class MeasureBasis {
    static final String PERIOD_PREFIX = "period.";
    static final String PRIOR_PREFIX = "prior.";

    private MeasureBasis() {}

    /** The numeric measure named by {@code period.<measure>}, or null when the text is not one. */
    static String periodMeasure(String text) {
        if (!text.startsWith(PERIOD_PREFIX)) return null;
        String measure = text.substring(PERIOD_PREFIX.length());
        return Measures.NUMERIC.contains(measure) ? measure : null;
    }

    static boolean isPeriodOrPriorMeasure(String text) {
        String measure = text.startsWith(PERIOD_PREFIX) ? text.substring(PERIOD_PREFIX.length())
                : text.startsWith(PRIOR_PREFIX) ? text.substring(PRIOR_PREFIX.length()) : null;
        return measure != null && Measures.NUMERIC.contains(measure);
    }
}

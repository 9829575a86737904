package dev.accrue.testkit;

/**
 * What the activity generator knows of a partner beyond its record: how much it sells, how often its
 * lines come back, how it grew, and how its systems write timestamps.
 */
final class PartnerProfile {
    /** Timestamps as {@code …:SSZ}, as {@code …:SS.mmmZ}, or in local time with the partner's offset. */
    static final int TIME_UTC_SECONDS = 0;
    static final int TIME_UTC_MILLIS = 1;
    static final int TIME_LOCAL_OFFSET = 2;

    final int index;
    final String id;
    final PartnerType type;
    /** Relative size of its activity. */
    final long weight;
    /** Share of its sale lines that are returned later, per mille. */
    final int returnRatePerMille;
    /** Growth of this year's sales over last year's, per mille (−250 to +600). */
    final int growthPerMille;
    final int timeStyle;
    final int offsetMinutes;
    /** Sales reps who appear as {@code rep_id} on its lines. */
    final int repCount;
    /** The tracking code of an affiliate or agency, null for others. */
    final String referralCode;
    /** Enrolled in co-marketing at some time in the year. */
    boolean coop;

    PartnerProfile(int index, String id, PartnerType type, long weight, int returnRatePerMille, int growthPerMille,
            int timeStyle, int offsetMinutes, int repCount, String referralCode) {
        this.index = index;
        this.id = id;
        this.type = type;
        this.weight = weight;
        this.returnRatePerMille = returnRatePerMille;
        this.growthPerMille = growthPerMille;
        this.timeStyle = timeStyle;
        this.offsetMinutes = offsetMinutes;
        this.repCount = repCount;
        this.referralCode = referralCode;
    }
}

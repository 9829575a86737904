package dev.accrue.testkit;

/** The partner types of the generated data, with their id prefix and share of all partners (per mille). */
enum PartnerType {
    DISTRIBUTOR("distributor", "dist", 40, true),
    DEALER("dealer", "dlr", 240, true),
    INTEGRATOR("integrator", "int", 80, true),
    RESELLER("reseller", "rsl", 240, true),
    AFFILIATE("affiliate", "aff", 140, false),
    AGENCY("agency", "agy", 60, false),
    TECHNOLOGY("technology", "tech", 50, false),
    END_CUSTOMER("end_customer", "cust", 150, true);

    static final int COUNT = values().length;

    final String code;
    final String idPrefix;
    final int sharePerMille;
    /** Whether the type books sale lines. */
    final boolean sells;

    PartnerType(String code, String idPrefix, int sharePerMille, boolean sells) {
        this.code = code;
        this.idPrefix = idPrefix;
        this.sharePerMille = sharePerMille;
        this.sells = sells;
    }
}

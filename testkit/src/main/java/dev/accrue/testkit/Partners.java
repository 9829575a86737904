package dev.accrue.testkit;

/**
 * Starting points for building partners in tests:
 * {@code Partners.distributor("dist-a").attribute("map_compliant", true).from("2026-04-01T00:00:00Z").attribute("map_compliant", false).build()}.
 */
public final class Partners {
    private Partners() {}

    public static PartnerBuilder partner(String id, String type) {
        return new PartnerBuilder(id, type);
    }

    public static PartnerBuilder distributor(String id) {
        return partner(id, "distributor");
    }

    public static PartnerBuilder dealer(String id) {
        return partner(id, "dealer");
    }

    public static PartnerBuilder integrator(String id) {
        return partner(id, "integrator");
    }

    public static PartnerBuilder reseller(String id) {
        return partner(id, "reseller");
    }

    public static PartnerBuilder affiliate(String id) {
        return partner(id, "affiliate");
    }

    public static PartnerBuilder agency(String id) {
        return partner(id, "agency");
    }

    public static PartnerBuilder technology(String id) {
        return partner(id, "technology");
    }

    public static PartnerBuilder endCustomer(String id) {
        return partner(id, "end_customer");
    }
}

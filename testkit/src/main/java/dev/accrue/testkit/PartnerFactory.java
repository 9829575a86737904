package dev.accrue.testkit;

import dev.accrue.core.partner.Partner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the partners: every type, attributes the example programs read ({@code map_compliant},
 * {@code payment_terms_days}, {@code certifications}, {@code enrolled}, resellers' tiers), a parent for many
 * dealers and some resellers, and for some partners a change or two during the year as new versions.
 */
final class PartnerFactory {
    private static final String[] NAME_FIRST = {"Acme", "Bolt", "Canyon", "Delta", "Eagle", "Frontier", "Granite", "Harbor",
            "Iron", "Juniper", "Keystone", "Liberty", "Meridian", "Northstar", "Oakridge", "Pioneer", "Quarry", "Redwood",
            "Summit", "Titan", "Union", "Valley", "Westfield", "Yukon", "Zenith"};
    private static final String[] NAME_MIDDLE = {"Industrial", "Fluid", "Pump", "Valve", "Flow", "Hydraulic", "Process",
            "Water", "Energy", "Motion"};
    private static final String[][] REGIONS = {{"NA", "US", "CA", "MX"}, {"EU", "DE", "FR", "NL", "IT"}, {"APAC", "AU", "JP", "SG"},
            {"LATAM", "BR", "CL"}};
    private static final int[] OFFSETS_MINUTES = {-360, -300, 60, 330};
    /** Share of partners whose record changes during the year, and of those a second time, per mille. */
    private static final int CHANGE_PER_MILLE = 150;
    private static final int SECOND_CHANGE_PER_MILLE = 200;

    /** A certification completed on a day of the year, which the activity shows as an event. */
    record Certification(int partnerIndex, Instant at, String certification) {}

    record Result(List<Partner> partners, List<PartnerProfile> profiles, List<Certification> certifications) {}

    private final DataSpec spec;
    private final SplittableRandom random;
    private final List<Certification> certifications = new ArrayList<>();

    PartnerFactory(DataSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(SyntheticData.streamSeed(spec.seed(), 1));
    }

    Result generate() {
        int[] counts = countsByType(spec.partnerCount());
        List<Partner> partners = new ArrayList<>();
        List<PartnerProfile> profiles = new ArrayList<>();
        List<String> distributors = new ArrayList<>();
        for (PartnerType type : PartnerType.values()) {
            int width = Math.max(4, String.valueOf(counts[type.ordinal()]).length());
            for (int n = 1; n <= counts[type.ordinal()]; n++) {
                String id = type.idPrefix + "-" + pad(n, width);
                PartnerProfile profile = profile(profiles.size(), id, type);
                String parent = parent(type, distributors);
                partners.add(partner(profile, parent));
                profiles.add(profile);
                if (type == PartnerType.DISTRIBUTOR) distributors.add(id);
            }
        }
        return new Result(partners, profiles, certifications);
    }

    /** Partners per type by share, at least one of each, the rounding remainder to dealers. */
    static int[] countsByType(int total) {
        int[] counts = new int[PartnerType.COUNT];
        int assigned = 0;
        for (PartnerType type : PartnerType.values()) {
            counts[type.ordinal()] = Math.max(1, (int) ((long) total * type.sharePerMille / 1000));
            assigned += counts[type.ordinal()];
        }
        counts[PartnerType.DEALER.ordinal()] += total - assigned;
        while (counts[PartnerType.DEALER.ordinal()] < 1) {   // tiny totals: take from the largest type
            int largest = 0;
            for (int i = 1; i < counts.length; i++) if (counts[i] > counts[largest]) largest = i;
            counts[largest]--;
            counts[PartnerType.DEALER.ordinal()]++;
        }
        return counts;
    }

    private PartnerProfile profile(int index, String id, PartnerType type) {
        double size = Math.pow(1.0 / (1.0 - random.nextDouble()), 0.8);  // heavy tail: a few partners sell a lot
        long typeFactor = switch (type) {
            case DISTRIBUTOR -> 20;
            case RESELLER, DEALER, INTEGRATOR -> 3;
            case AGENCY -> 2;
            default -> 1;
        };
        long weight = Math.max(1, Math.round(size * 1000) * typeFactor);
        int returnRate = random.nextInt(10) == 0 ? 60 + random.nextInt(61) : 5 + random.nextInt(26);
        int growth = -250 + random.nextInt(851);
        int style = random.nextInt(100);
        int timeStyle = style < 85 ? PartnerProfile.TIME_UTC_SECONDS : style < 92 ? PartnerProfile.TIME_UTC_MILLIS : PartnerProfile.TIME_LOCAL_OFFSET;
        int offset = OFFSETS_MINUTES[random.nextInt(OFFSETS_MINUTES.length)];
        int reps = 1 + random.nextInt(8);
        String code = type == PartnerType.AFFILIATE || type == PartnerType.AGENCY
                ? id.toUpperCase(java.util.Locale.ROOT).replace("-", "") + (char) ('A' + random.nextInt(26)) : null;
        return new PartnerProfile(index, id, type, weight, returnRate, growth, timeStyle, offset, reps, code);
    }

    private String parent(PartnerType type, List<String> distributors) {
        if (distributors.isEmpty()) return null;
        int share = switch (type) {
            case DEALER -> 60;
            case RESELLER -> 20;
            default -> 0;
        };
        return random.nextInt(100) < share ? distributors.get(random.nextInt(distributors.size())) : null;
    }

    private Partner partner(PartnerProfile profile, String parent) {
        PartnerType type = profile.type;
        Map<String, Object> attributes = new LinkedHashMap<>();
        String[] region = REGIONS[pickRegion()];
        attributes.put("region", region[0]);
        attributes.put("country", region[1 + random.nextInt(region.length - 1)]);
        attributes.put("map_compliant", random.nextInt(100) < 85);
        attributes.put("payment_terms_days", (long) new int[] {30, 30, 30, 45, 60}[random.nextInt(5)]);
        attributes.put("certifications", certifications(type));
        List<String> enrolled = enrolled(type);
        attributes.put("enrolled", enrolled);
        profile.coop = enrolled.contains("coop");
        switch (type) {
            case AFFILIATE, AGENCY -> attributes.put("referral_code", profile.referralCode);
            case TECHNOLOGY -> attributes.put("integration", "connector-" + (1 + random.nextInt(40)));
            case END_CUSTOMER -> attributes.put("segment", new String[] {"industrial", "municipal", "agriculture", "commercial"}[random.nextInt(4)]);
            case DEALER -> attributes.put("service_center", random.nextBoolean());
            default -> { }
        }
        String tier = type == PartnerType.RESELLER ? new String[] {"silver", "silver", "gold", "gold", "platinum"}[random.nextInt(5)] : null;
        String name = NAME_FIRST[random.nextInt(NAME_FIRST.length)] + " " + NAME_MIDDLE[random.nextInt(NAME_MIDDLE.length)] + " " + suffix(type);

        List<Partner.Version> versions = new ArrayList<>();
        versions.add(new Partner.Version(Partner.BEGINNING, type.code, tier, attributes));
        if (random.nextInt(1000) < CHANGE_PER_MILLE) {
            int firstDay = 31 + random.nextInt(240);
            versions.add(change(profile, versions.get(0), firstDay));
            if (random.nextInt(1000) < SECOND_CHANGE_PER_MILLE) {
                versions.add(change(profile, versions.get(1), firstDay + 14 + random.nextInt(60)));
            }
        }
        return new Partner(profile.id, name, parent, versions);
    }

    private int pickRegion() {
        int r = random.nextInt(100);
        return r < 60 ? 0 : r < 85 ? 1 : r < 95 ? 2 : 3;
    }

    private List<String> certifications(PartnerType type) {
        List<String> certifications = new ArrayList<>();
        if (type == PartnerType.INTEGRATOR && random.nextInt(100) < 50) certifications.add("installer");
        if ((type == PartnerType.DEALER || type == PartnerType.DISTRIBUTOR) && random.nextInt(100) < 40) certifications.add("service");
        if (random.nextInt(100) < 20) certifications.add("safety");
        return List.copyOf(certifications);
    }

    private List<String> enrolled(PartnerType type) {
        List<String> programs = new ArrayList<>(switch (type) {
            case DISTRIBUTOR, INTEGRATOR -> List.of("rebate");
            case DEALER -> List.of("rebate", "loyalty");
            case RESELLER -> List.of("deal_registration", "mdf");
            case AFFILIATE -> List.of("referral");
            case AGENCY -> List.of("referral");
            case TECHNOLOGY -> List.of("integration");
            case END_CUSTOMER -> List.of("loyalty");
        });
        int coopShare = switch (type) {
            case AGENCY -> 60;
            case RESELLER, TECHNOLOGY -> 30;
            default -> 0;
        };
        if (random.nextInt(100) < coopShare) programs.add("coop");
        return List.copyOf(programs);
    }

    /** A new version from midnight UTC of {@code dayOfYear}, differing in one thing that programs read. */
    private Partner.Version change(PartnerProfile profile, Partner.Version before, int dayOfYear) {
        Instant from = LocalDate.ofYearDay(spec.year(), Math.min(dayOfYear, 360)).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> attributes = new LinkedHashMap<>(before.attributes());
        String tier = before.tier();
        @SuppressWarnings("unchecked")
        List<String> certificationsBefore = (List<String>) attributes.get("certifications");
        @SuppressWarnings("unchecked")
        List<String> enrolledBefore = (List<String>) attributes.get("enrolled");
        int kind = random.nextInt(5);
        if (profile.type == PartnerType.INTEGRATOR && !certificationsBefore.contains("installer")) {
            attributes.put("certifications", append(certificationsBefore, "installer"));
            certifications.add(new Certification(profile.index, from, "installer"));
        } else if (profile.type == PartnerType.RESELLER && kind < 2) {
            tier = switch (String.valueOf(tier)) {
                case "silver" -> "gold";
                case "gold" -> random.nextBoolean() ? "platinum" : "silver";
                default -> "gold";
            };
        } else if (kind == 0 || kind == 2) {
            attributes.put("map_compliant", !(Boolean) attributes.get("map_compliant"));
        } else if (kind == 1 && !enrolledBefore.contains("coop")) {
            attributes.put("enrolled", append(enrolledBefore, "coop"));
            profile.coop = true;
        } else {
            attributes.put("payment_terms_days", (Long) attributes.get("payment_terms_days") <= 30 ? 60L : 30L);
        }
        return new Partner.Version(from, before.type(), tier, attributes);
    }

    private static List<String> append(List<String> list, String item) {
        List<String> longer = new ArrayList<>(list);
        longer.add(item);
        return List.copyOf(longer);
    }

    private static String suffix(PartnerType type) {
        return switch (type) {
            case DISTRIBUTOR -> "Supply";
            case DEALER -> "Equipment";
            case INTEGRATOR -> "Systems";
            case RESELLER -> "Solutions";
            case AFFILIATE -> "Reviews";
            case AGENCY -> "Marketing";
            case TECHNOLOGY -> "Software";
            case END_CUSTOMER -> "Utilities";
        };
    }

    static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}

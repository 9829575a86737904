package dev.accrue.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The products of the generated data: five families, SKUs named as in the examples (PMP-200, VLV-10, SEL-1,
 * MTR-5, PRT-001) with whole-dollar list prices, so that a sale line's amount is an exact count of cents and
 * a partial return is an exact share of it. Fixed, not drawn from the seed: prices are part of the scenery.
 */
final class Catalog {
    static final String[] FAMILIES = {"pumps", "valves", "seals", "motors", "parts"};
    static final int PUMPS = 0;
    static final int VALVES = 1;
    static final int SEALS = 2;
    static final int MOTORS = 3;
    static final int PARTS = 4;
    private static final int PART_SKUS = 40;

    record Sku(String code, int family, long listPriceCents) {
        /** Pumps and motors are serialized equipment; their units carry serial numbers. */
        boolean serialized() {
            return family == PUMPS || family == MOTORS;
        }
    }

    /** SKUs of each family, indexed by family. */
    final List<List<Sku>> skusByFamily = new ArrayList<>();

    Catalog() {
        for (int family = 0; family < FAMILIES.length; family++) skusByFamily.add(new ArrayList<>());
        for (int k = 1; k <= 9; k++) {
            add(new Sku("PMP-" + k + "00", PUMPS, k * 5_000_00L));   // PMP-200 lists at 10,000.00
            add(new Sku("VLV-" + k + "0", VALVES, k * 500_00L));     // VLV-10 lists at 500.00
            add(new Sku("SEL-" + k, SEALS, k * 50_00L));             // SEL-1 lists at 50.00
            add(new Sku("MTR-" + k, MOTORS, k * 1_000_00L));         // MTR-5 lists at 5,000.00
        }
        for (int n = 1; n <= PART_SKUS; n++) {
            add(new Sku(String.format("PRT-%03d", n), PARTS, (10 + (n * 37) % 490) * 100L));
        }
    }

    private void add(Sku sku) {
        skusByFamily.get(sku.family()).add(sku);
    }

    Sku pick(int family, SplittableRandom random) {
        List<Sku> skus = skusByFamily.get(family);
        // Lower-numbered SKUs sell more, as entry models do.
        int index = Math.min(random.nextInt(skus.size()), random.nextInt(skus.size()));
        return skus.get(index);
    }

    /** A line's quantity: small for equipment, larger for consumables. */
    static long quantity(int family, SplittableRandom random) {
        return switch (family) {
            case PUMPS -> 1 + Math.min(random.nextInt(6), random.nextInt(6));
            case VALVES -> 1 + random.nextInt(random.nextInt(60) + 1);
            case SEALS -> 10 + random.nextInt(random.nextInt(490) + 1);
            case MOTORS -> 1 + Math.min(random.nextInt(10), random.nextInt(10));
            default -> 1 + random.nextInt(random.nextInt(40) + 1);
        };
    }

    /** Family weights (per mille) of each partner type's sales. */
    static int[] familyMix(PartnerType type) {
        return switch (type) {
            case DISTRIBUTOR -> new int[] {300, 250, 200, 150, 100};
            case DEALER -> new int[] {300, 200, 100, 100, 300};
            case INTEGRATOR -> new int[] {400, 200, 0, 400, 0};
            case RESELLER -> new int[] {250, 250, 200, 200, 100};
            default -> new int[] {100, 0, 100, 0, 800};
        };
    }
}

package dev.accrue.testkit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes programs by varying the nine examples of {@code examples/programs/}: program i follows example
 * i mod 9, so every kind appears once nine are asked for, with its own id, rates, bands, windows, stacking
 * group and effective dates inside the year. The text is YAML as a program owner would write it.
 */
final class ProgramFactory {
    static final int KINDS = 9;
    private static final String[] TIME_ZONES = {"UTC", "America/Chicago", "America/New_York", "Europe/Berlin", "Asia/Singapore"};
    private static final String[] EQUIPMENT_PREFIXES = {"PMP-", "VLV-", "MTR-"};
    /** Rebate programs share a few stacking groups, each member with its own priority. */
    private static final int STACKING_GROUPS = 3;

    private final DataSpec spec;
    private final SplittableRandom random;
    private final Map<String, Integer> prioritiesTaken = new HashMap<>();

    ProgramFactory(DataSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(SyntheticData.streamSeed(spec.seed(), 2));
    }

    List<GeneratedProgram> generate() {
        List<GeneratedProgram> programs = new ArrayList<>(spec.programCount());
        for (int i = 0; i < spec.programCount(); i++) {
            int variant = i / KINDS + 1;
            String yaml = switch (i % KINDS) {
                case 0 -> distributorRebate(variant);
                case 1 -> dealerSellThrough(variant);
                case 2 -> spif(variant);
                case 3 -> mdf(variant);
                case 4 -> coop(variant);
                case 5 -> dealRegistration(variant);
                case 6 -> referral(variant);
                case 7 -> integration(variant);
                default -> loyalty(variant);
            };
            String id = yaml.substring("program: ".length(), yaml.indexOf('\n'));
            programs.add(new GeneratedProgram(id + ".yaml", yaml));
        }
        return programs;
    }

    private String distributorRebate(int variant) {
        boolean quarterly = random.nextInt(3) > 0;
        int[] bands = bands(100_000, 250_000);
        String mixFamily = new String[] {"pumps", "valves", "motors"}[random.nextInt(3)];
        String families = new String[] {"'pumps', 'valves', 'seals'", "'pumps', 'valves'", "'pumps', 'valves', 'seals', 'motors'"}[random.nextInt(3)];
        return """
                program: %s
                name: Distributor growth rebate %d (variant %d)
                kind: rebate
                currency: USD
                calendar: {period: %s, timezone: %s}
                effective: {from: %s, to: %d-12-31}
                budget: {total: %d.00}
                stacking: {group: %s, priority: %d}
                tracks:
                  - name: distributors
                    partners: "partner.type == 'distributor'"
                    gates:
                      - {name: MAP compliance, when: "partner.map_compliant"}
                      - {name: payment terms, when: "partner.payment_terms_days <= %d"}
                      - {name: returns under limit, when: "period.returns_rate < %s"}
                    rules:
                      - name: base rebate
                        on: sale
                        when: "event.product_family in [%s]"
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: %s
                          bands:
                            - {name: silver, from: 0, rate: %s}
                            - {name: gold, from: %d, rate: %s}
                            - {name: platinum, from: %d, rate: %s, benefits: [priority_support]}
                        multipliers:
                          - {name: mix bonus, when: "period.mix['%s'] >= %s", factor: %s}
                        caps: {per_partner_period: %d}
                      - name: growth kicker
                        on: period_close
                        when: "period.growth >= %s"
                        basis: period.net_sales
                        rate: %s
                claims: {required: false}
                approval:
                  - {role: channel_manager, up_to: %d}
                  - {role: finance}
                payout: {cadence: %s, minimum: 100, method: credit_note}
                clawback: {on: return, within_days: %d}
                """.formatted(id("distributor-growth", variant), spec.year(), variant, quarterly ? "quarter" : "month", zone(),
                startDate(quarterly), spec.year(), 500_000 * (1 + random.nextInt(8)), stackingGroup(variant), priority(variant),
                new int[] {30, 45, 60}[random.nextInt(3)], fraction(30 + random.nextInt(51), 1000),
                families, random.nextInt(4) == 0 ? "incremental" : "retroactive",
                percent(50 + 25 * random.nextInt(5)), bands[0], percent(150 + 25 * random.nextInt(5)),
                bands[1], percent(250 + 25 * random.nextInt(5)),
                mixFamily, fraction(20 + random.nextInt(21), 100), factor(), 25_000 * (1 + random.nextInt(4)),
                fraction(5 + random.nextInt(16), 100), percent(25 + 25 * random.nextInt(4)),
                2_500 * (1 + random.nextInt(4)), quarterly ? "quarterly" : "monthly", new int[] {60, 90, 120}[random.nextInt(3)]);
    }

    private String dealerSellThrough(int variant) {
        boolean quarterly = random.nextInt(3) == 0;
        int[] bands = bands(10_000, 50_000);
        return """
                program: %s
                name: Dealer sell-through rebate %d (variant %d)
                kind: rebate
                currency: USD
                calendar: {period: %s, timezone: %s}
                effective: {from: %s}
                stacking: {group: %s, priority: %d}
                tracks:
                  - name: dealers
                    partners: "partner.type == 'dealer'"
                    rules:
                      - name: sell-through
                        on: sale
                        when: "event.channel == 'sell_through'"
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: incremental
                          bands:
                            - {from: 0, rate: 0%%}
                            - {from: %d, rate: %s}
                            - {from: %d, rate: %s}
                  - name: integrators
                    partners: "partner.type == 'integrator'"
                    gates:
                      - {name: certified, when: "'installer' in partner.certifications"}
                    rules:
                      - name: certified install
                        on: sale
                        when: "event.installation_verified"
                        per_unit: %s
                        caps: {per_partner_period: %d}
                """.formatted(id("dealer-sell-through", variant), spec.year(), variant, quarterly ? "quarter" : "month", zone(),
                startDate(quarterly), stackingGroup(variant), priority(variant),
                bands[0], percent(100 + 50 * random.nextInt(4)), bands[1], percent(300 + 50 * random.nextInt(4)),
                money(20 + 5 * random.nextInt(7)), 2_000 * (1 + random.nextInt(4)));
    }

    private String spif(int variant) {
        int firstMonth = 1 + random.nextInt(10);
        int lastMonth = Math.min(12, firstMonth + random.nextInt(3));
        String prefix = EQUIPMENT_PREFIXES[random.nextInt(EQUIPMENT_PREFIXES.length)];
        return """
                program: %s
                name: SPIF on %s for reseller and dealer reps %d (variant %d)
                kind: spif
                currency: USD
                calendar: {period: month, timezone: UTC}
                effective: {from: %s, to: %s}
                budget: {total: %d.00}
                tracks:
                  - name: reseller reps
                    partners: "partner.type in ['reseller', 'dealer']"
                    rules:
                      - name: per unit
                        on: sale
                        when: "event.sku.startsWith('%s') && event.quantity > 0"
                        payee: event.rep_id
                        per_unit: %s
                        caps: {per_payee_period: %d}
                claims: {required: true, window_days: %d, proof: [invoice]}
                approval:
                  - {role: channel_manager}
                payout: {cadence: monthly, method: prepaid_card}
                """.formatted(id("spif-" + prefix.substring(0, 3).toLowerCase(java.util.Locale.ROOT), variant), prefix, spec.year(), variant,
                YearMonth.of(spec.year(), firstMonth).atDay(1), YearMonth.of(spec.year(), lastMonth).atEndOfMonth(),
                25_000 * (1 + random.nextInt(6)), prefix, money(10 + 5 * random.nextInt(9)), 1_000 * (1 + random.nextInt(5)),
                new int[] {30, 45, 60}[random.nextInt(3)]);
    }

    private String mdf(int variant) {
        return """
                program: %s
                name: Market development funds %d (variant %d)
                kind: mdf
                currency: EUR
                calendar: {period: quarter, timezone: Europe/Paris}
                effective: {from: %s}
                tracks:
                  - name: gold resellers
                    partners: "partner.type == 'reseller' && partner.tier in [%s]"
                    fund:
                      allocate: {basis: prior.net_sales, rate: %s, max: %d.00}
                      reimburse: {share: %s, proof: [invoice, proof_of_performance]}
                      preapproval: true
                      expires: period_end_plus_60_days
                claims: {required: true, window_days: %d, proof: [invoice, proof_of_performance]}
                approval:
                  - {role: channel_manager, up_to: %d}
                  - {role: marketing_director, up_to: %d}
                  - {role: finance}
                payout: {cadence: monthly, method: credit_note}
                """.formatted(id("mdf", variant), spec.year(), variant, startDate(true),
                random.nextBoolean() ? "'gold', 'platinum'" : "'platinum'", percent(100 + 50 * random.nextInt(5)),
                10_000 * (1 + random.nextInt(3)), percent(25 * (1 + random.nextInt(3))), new int[] {45, 60, 90}[random.nextInt(3)],
                1_000 * (2 + random.nextInt(3)), 5_000 * (2 + random.nextInt(3)));
    }

    private String coop(int variant) {
        int first = 30 + 10 * random.nextInt(2);   // first and last together at most 80%, the rest to the touches between
        return """
                program: %s
                name: Co-marketing campaigns %d (variant %d)
                kind: coop
                currency: USD
                calendar: {period: month, timezone: UTC}
                effective: {from: %s}
                attribution: {model: position_based, first: %d%%, last: %d%%, lookback_days: %d, touch: campaign.touch}
                tracks:
                  - name: campaign partners
                    partners: "'coop' in partner.enrolled"
                    rules:
                      - name: attributed conversion share
                        on: conversion
                        basis: amount
                        rate: %s
                        split: attribution
                      - name: activation target bonus
                        on: period_close
                        when: "period.count['seller.activated'] >= %d"
                        flat: %s
                payout: {cadence: monthly, minimum: 50, method: bank_transfer}
                """.formatted(id("coop-campaigns", variant), spec.year(), variant, startDate(false), first, first,
                new int[] {14, 30, 60}[random.nextInt(3)], percent(500 + 250 * random.nextInt(5)),
                10 + 5 * random.nextInt(5), money(500 * (1 + random.nextInt(4))));
    }

    private String dealRegistration(int variant) {
        return """
                program: %s
                name: Deal registration bonus %d (variant %d)
                kind: deal_registration
                currency: USD
                calendar: {period: quarter, timezone: UTC}
                effective: {from: %s}
                registration: {valid_days: %d, conflict: first_approved, match: [customer_id, product_family]}
                tracks:
                  - name: resellers
                    partners: "partner.type == 'reseller'"
                    rules:
                      - name: registered deal bonus
                        on: sale
                        when: "event.deal_registration != null && event.new_customer"
                        basis: net_amount
                        rate: %s
                        caps: {per_event: %d}
                approval:
                  - {role: channel_manager}
                payout: {cadence: quarterly, method: credit_note}
                """.formatted(id("deal-reg", variant), spec.year(), variant, startDate(true), new int[] {60, 90, 120}[random.nextInt(3)],
                percent(300 + 100 * random.nextInt(6)), 5_000 * (2 + random.nextInt(3)));
    }

    private String referral(int variant) {
        return """
                program: %s
                name: Referral partner program %d (variant %d)
                kind: referral
                currency: USD
                calendar: {period: month, timezone: UTC}
                effective: {from: %s}
                attribution: {model: last_touch, lookback_days: %d}
                tracks:
                  - name: referral partners
                    partners: "partner.type == 'affiliate' || partner.type == 'agency'"
                    rules:
                      - name: qualified sign-up bounty
                        on: referral.signup
                        when: "event.email_verified && !event.self_referral_suspected"
                        flat: %s
                      - name: revenue share
                        on: payment
                        when: "customer.months_since_conversion < %d"
                        basis: amount
                        rate: %s
                        multipliers:
                          - {name: high performer, when: "period.count['referral.conversion'] >= %d", factor: %s}
                claims: {required: false}
                payout: {cadence: monthly, minimum: 50, method: bank_transfer, hold_days: %d}
                clawback: {on: refund, within_days: %d}
                """.formatted(id("referral", variant), spec.year(), variant, startDate(false), new int[] {30, 60, 90}[random.nextInt(3)],
                money(25 * (1 + random.nextInt(4))), new int[] {6, 12, 24}[random.nextInt(3)], percent(1000 + 500 * random.nextInt(4)),
                5 + 5 * random.nextInt(3), factor(), new int[] {14, 30, 45}[random.nextInt(3)], new int[] {30, 60, 90}[random.nextInt(3)]);
    }

    private String integration(int variant) {
        int scale = 1 + random.nextInt(3);
        return """
                program: %s
                name: Integration partner program %d (variant %d)
                kind: integration
                currency: USD
                calendar: {period: month, timezone: UTC}
                effective: {from: %s}
                tracks:
                  - name: technology partners
                    partners: "partner.type == 'technology'"
                    rules:
                      - {name: authentication live, on: integration.milestone, when: "event.milestone == 'authentication'", flat: %s, once: true}
                      - {name: data mapping done, on: integration.milestone, when: "event.milestone == 'data_mapping'", flat: %s, once: true}
                      - {name: automated tests, on: integration.milestone, when: "event.milestone == 'automated_tests'", flat: %s, once: true}
                      - {name: certified, on: integration.milestone, when: "event.milestone == 'certified'", flat: %s, once: true}
                      - name: support credits on certification
                        on: integration.milestone
                        when: "event.milestone == 'certified'"
                        unit: support_credits
                        flat: %d
                        once: true
                      - name: active installs
                        on: usage
                        when: "event.metric == 'active_installs'"
                        per_unit: %s
                payout: {cadence: monthly, minimum: 100, method: bank_transfer}
                """.formatted(id("integration", variant), spec.year(), variant, startDate(false), money(250 * scale), money(375 * scale),
                money(375 * scale), money(1000 * scale), 10 * scale, money(1 + random.nextInt(3)));
    }

    private String loyalty(int variant) {
        int plus = 2_500 * (1 + random.nextInt(4));
        return """
                program: %s
                name: Installed-base service loyalty %d (variant %d)
                kind: loyalty
                unit: points
                calendar: {period: year, timezone: UTC}
                effective: {from: %d-01-01}
                tracks:
                  - name: service dealers and owners
                    partners: "partner.type in ['dealer', 'end_customer']"
                    rules:
                      - {name: serial registration, on: serial.registered, flat: %d, once_per: event.serial_number}
                      - {name: warranty registration, on: warranty.registered, flat: %d, once_per: event.serial_number}
                      - {name: PM enrollment, on: pm.enrolled, flat: %d, once_per: event.serial_number}
                      - {name: service renewal, on: service.renewed, flat: %d}
                      - name: parts replenishment
                        on: sale
                        when: "event.product_family == 'parts'"
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: retroactive
                          bands:
                            - {name: member, from: 0, rate: 1}
                            - {name: plus, from: %d, rate: 1.5}
                            - {name: elite, from: %d, rate: 2, benefits: [extended_warranty]}
                redemption:
                  catalog:
                    - {benefit: engineering_support_hour, cost: %d}
                    - {benefit: extended_warranty_year, cost: %d}
                """.formatted(id("service-loyalty", variant), spec.year(), variant, spec.year(), 50 * (1 + random.nextInt(4)),
                50 * (2 + random.nextInt(4)), 100 * (2 + random.nextInt(3)), 100 * (4 + random.nextInt(3)), plus, plus * 4,
                1_000 * (1 + random.nextInt(3)), 5_000 * (1 + random.nextInt(3)));
    }

    private String id(String base, int variant) {
        return base + "-" + spec.year() + "-" + PartnerFactory.pad(variant, 2);
    }

    private String zone() {
        return TIME_ZONES[random.nextInt(TIME_ZONES.length)];
    }

    /** The first day of a month (or quarter) in the first half of the year, mostly January. */
    private String startDate(boolean quarterStart) {
        int month = random.nextInt(3) > 0 ? 1 : quarterStart ? 4 : 1 + random.nextInt(6);
        return YearMonth.of(spec.year(), month).atDay(1).toString();
    }

    private static String stackingGroup(int variant) {
        return "volume-rebates-" + (variant % STACKING_GROUPS + 1);
    }

    /** Priorities within a group are distinct, so the lowest one is never a tie. */
    private int priority(int variant) {
        return prioritiesTaken.merge(stackingGroup(variant), 1, Integer::sum);
    }

    /** Two ascending band thresholds around the example's. */
    private int[] bands(int lower, int upper) {
        int scale = 50 + 25 * random.nextInt(7);   // 50% to 200%
        return new int[] {lower * scale / 100, upper * scale / 100};
    }

    /** {@code basisPoints} as a percentage: 250 → {@code 2.5%}. */
    static String percent(int basisPoints) {
        return new java.math.BigDecimal(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String fraction(int numerator, int denominator) {
        return new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator)).stripTrailingZeros().toPlainString();
    }

    private String factor() {
        return fraction(110 + 10 * random.nextInt(5), 100);
    }

    private static String money(int whole) {
        return whole + ".00";
    }
}

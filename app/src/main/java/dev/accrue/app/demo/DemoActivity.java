package dev.accrue.app.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A year (2026) of generated activity for the demo partners, made for the example programs: sales with
 * seasonality and some returns for distributors, dealers, integrators and resellers (deal registrations,
 * Q4 pump sales by named reps), referral clicks, sign-ups, conversions and payments for affiliates and
 * agencies, co-op campaign touches and conversions, seller activations, integration milestones and
 * usage, serial and warranty registrations, maintenance enrollments, service renewals and parts purchases.
 *
 * <p>Deterministic: fixed seeds (one per kind of activity, so a change to one kind leaves the others as
 * they were), the whole year is generated and then cut at {@code now}, so a later start sends the same
 * events again (taken once by id) plus the ones whose time has come since. Amounts are exact decimals.
 */
public final class DemoActivity {
    /** Every demo event id starts with this; a changed generator would take a new prefix rather than reuse ids. */
    public static final String ID_PREFIX = "demo1-";
    public static final int YEAR = 2026;
    static final long SEED = 20_260_101L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST = LocalDate.of(YEAR, 1, 1);
    private static final LocalDate LAST = LocalDate.of(YEAR, 12, 31);
    /** Irrigation and pumping equipment sells in spring and summer: a factor per month on the sales rate. */
    private static final double[] SEASON = {0.60, 0.65, 0.85, 1.10, 1.30, 1.40, 1.35, 1.20, 1.00, 0.90, 0.80, 0.75};

    /** One generated event, before it is written as a JSON line. */
    public record DemoEvent(String id, String type, Instant occurredAt, String partner, Map<String, Object> data) {
        public String json() {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", id);
            event.put("type", type);
            event.put("occurred_at", occurredAt.toString());
            if (partner != null) event.put("partner", partner);
            event.put("data", data);
            try {
                return JSON.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a demo event is plain data", e);
            }
        }
    }

    private record Product(String sku, String family, BigDecimal price, int minQuantity, int maxQuantity) {}

    private static final Product PMP_100 = product("PMP-100", "pumps", "850.00", 1, 4);
    private static final Product PMP_200 = product("PMP-200", "pumps", "1450.00", 1, 3);
    private static final Product PMP_500 = product("PMP-500", "pumps", "3900.00", 1, 2);
    private static final Product VLV_10 = product("VLV-10", "valves", "120.00", 4, 20);
    private static final Product VLV_40 = product("VLV-40", "valves", "480.00", 1, 6);
    private static final Product SEL_1 = product("SEL-1", "seals", "18.50", 20, 120);
    private static final Product SEL_4 = product("SEL-4", "seals", "42.00", 10, 60);
    private static final Product MTR_5 = product("MTR-5", "motors", "2100.00", 1, 2);
    private static final Product PRT_FLT = product("PRT-FLT", "parts", "65.00", 5, 30);
    private static final Product PRT_KIT = product("PRT-KIT", "parts", "240.00", 1, 8);
    private static final List<Product> PUMPS = List.of(PMP_100, PMP_200, PMP_500);

    private static Product product(String sku, String family, String price, int min, int max) {
        return new Product(sku, family, new BigDecimal(price), min, max);
    }

    /** Who sells what, how often (sale lines per working day at a season factor of 1) and how much of it comes back. */
    private record Seller(String partner, String channel, double linesPerDay, double returnChance, int reps, List<Product> catalog) {}

    private static final List<Product> DISTRIBUTOR_CATALOG = List.of(PMP_100, PMP_200, PMP_500, PMP_200, VLV_10, VLV_40, VLV_40,
            SEL_1, SEL_4, MTR_5, PRT_KIT);
    private static final List<Product> DEALER_CATALOG = List.of(PMP_100, PMP_200, PMP_200, PMP_500, VLV_40, SEL_4, PRT_FLT, PRT_FLT,
            PRT_KIT, MTR_5);
    private static final List<Product> INTEGRATOR_CATALOG = List.of(PMP_200, PMP_500, MTR_5, VLV_40);
    private static final List<Product> RESELLER_CATALOG = List.of(PMP_100, PMP_200, PMP_500, MTR_5, VLV_40);

    private static final List<Seller> DISTRIBUTORS = List.of(
            new Seller("dist-acme", "sell_in", 2.0, 0.025, 0, DISTRIBUTOR_CATALOG),
            new Seller("dist-bolt", "sell_in", 1.4, 0.07, 0, DISTRIBUTOR_CATALOG),
            new Seller("dist-canyon", "sell_in", 1.0, 0.03, 0, DISTRIBUTOR_CATALOG),
            new Seller("dist-delta", "sell_in", 2.8, 0.02, 0, DISTRIBUTOR_CATALOG));
    private static final List<Seller> DEALERS = List.of(
            new Seller("dealer-ridge", "sell_through", 1.5, 0.02, 3, DEALER_CATALOG),
            new Seller("dealer-harbor", "sell_through", 1.0, 0.02, 2, DEALER_CATALOG),
            new Seller("dealer-prairie", "sell_through", 0.6, 0.03, 1, DEALER_CATALOG),
            new Seller("dealer-summit", "sell_through", 0.8, 0.02, 2, DEALER_CATALOG));
    private static final List<Seller> INTEGRATORS = List.of(
            new Seller("int-keystone", "project", 0.5, 0.0, 0, INTEGRATOR_CATALOG),
            new Seller("int-northwind", "project", 0.4, 0.0, 0, INTEGRATOR_CATALOG));
    private static final List<Seller> RESELLERS = List.of(
            new Seller("res-bluepeak", "resale", 1.2, 0.02, 4, RESELLER_CATALOG),
            new Seller("res-cobalt", "resale", 1.0, 0.02, 3, RESELLER_CATALOG),
            new Seller("res-meridian", "resale", 0.7, 0.03, 2, RESELLER_CATALOG),
            new Seller("res-orbit", "resale", 0.4, 0.03, 1, RESELLER_CATALOG));

    /** Referral partners: sign-ups a month, and how likely a sign-up converts. */
    private record Referrer(String partner, String code, int signupsPerMonth, double conversionChance) {}

    private static final List<Referrer> REFERRERS = List.of(
            new Referrer("aff-dealfinder", "DEALFINDER", 30, 0.45),
            new Referrer("aff-shopsmart", "SHOPSMART", 15, 0.40),
            new Referrer("aff-gearguide", "GEARGUIDE", 8, 0.35),
            new Referrer("agency-brightline", "BRIGHTLINE", 12, 0.50),
            new Referrer("agency-lumen", "LUMEN", 6, 0.40));
    private static final List<String> PLANS = List.of("29.00", "79.00", "79.00", "199.00");

    /** Partners that run co-branded campaigns (all enrolled in co-op), with a weight for how often they touch customers. */
    private static final List<String> CAMPAIGN_PARTNERS = List.of("agency-brightline", "agency-brightline", "agency-brightline",
            "aff-gearguide", "aff-gearguide", "tech-ledgerly", "res-bluepeak", "res-cobalt", "dist-acme", "dist-acme",
            "dealer-ridge", "int-northwind");
    private static final String[] CAMPAIGNS = {"winter-prep", "winter-prep", "spring-launch", "spring-launch", "spring-launch",
            "summer-irrigation", "summer-irrigation", "summer-irrigation", "back-to-business", "back-to-business", "holiday-promo",
            "holiday-promo"};

    private final List<DemoEvent> events = new ArrayList<>();
    private final Map<String, Integer> sequences = new LinkedHashMap<>();
    private int coopCustomers;

    private DemoActivity() {}

    /** Every demo event of the year whose time is not after {@code now}, in (occurred_at, id) order. */
    public static List<DemoEvent> upTo(Instant now) {
        return year().stream().filter(event -> !event.occurredAt().isAfter(now)).toList();
    }

    /** The whole year's activity, in (occurred_at, id) order. */
    public static List<DemoEvent> year() {
        DemoActivity activity = new DemoActivity();
        activity.sales();
        activity.referrals();
        activity.campaigns();
        activity.integrations();
        activity.installedBase();
        List<DemoEvent> all = new ArrayList<>(activity.events.stream()
                .filter(event -> event.occurredAt().atOffset(ZoneOffset.UTC).getYear() == YEAR).toList());
        all.sort(Comparator.comparing(DemoEvent::occurredAt).thenComparing(DemoEvent::id));
        return List.copyOf(all);
    }

    // ---- sales and returns

    private void sales() {
        Random random = random("sales");
        for (Seller seller : DISTRIBUTORS) sell(random, seller);
        for (Seller seller : DEALERS) sell(random, seller);
        for (Seller seller : INTEGRATORS) sell(random, seller);
        for (Seller seller : RESELLERS) sell(random, seller);
    }

    private void sell(Random random, Seller seller) {
        String partner = seller.partner();
        String shortName = partner.substring(partner.indexOf('-') + 1);
        int registrations = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            boolean q4 = day.getMonthValue() >= 10;
            int lines = poisson(random, seller.linesPerDay() * SEASON[day.getMonthValue() - 1]);
            for (int i = 0; i < lines; i++) {
                Product product = pick(random, seller.catalog());
                // Reps push pumps in Q4 (the SPIF): resellers' and dealers' lines lean to pumps then.
                if (q4 && seller.reps() > 0 && random.nextDouble() < 0.35) product = pick(random, PUMPS);
                int quantity = between(random, product.minQuantity(), product.maxQuantity());
                int discountPercent = random.nextInt(9);
                BigDecimal net = product.price().multiply(BigDecimal.valueOf(quantity))
                        .multiply(BigDecimal.valueOf(100 - discountPercent)).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
                Instant at = workingHours(random, day);
                String id = nextId("sale", shortName);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("line_id", id);
                data.put("sku", product.sku());
                data.put("product_family", product.family());
                data.put("quantity", quantity);
                data.put("net_amount", net.toPlainString());
                data.put("currency", "USD");
                boolean newCustomer = random.nextDouble() < 0.25;
                data.put("customer_id", newCustomer ? "acct-" + shortName + "-n" + sequences.get("sale-" + shortName)
                        : "acct-" + shortName + "-" + (1 + random.nextInt(40)));
                data.put("new_customer", newCustomer);
                data.put("channel", seller.channel());
                if (seller.reps() > 0) data.put("rep_id", "rep-" + shortName + "-" + (1 + random.nextInt(seller.reps())));
                if (seller.channel().equals("project")) data.put("installation_verified", random.nextDouble() < 0.85);
                if (seller.channel().equals("resale") && newCustomer && random.nextDouble() < 0.6) {
                    data.put("deal_registration", "DR-" + shortName + "-" + (++registrations));
                }
                events.add(new DemoEvent(id, "sale", at, partner, data));
                if (random.nextDouble() < seller.returnChance()) {
                    int returned = between(random, 1, quantity);
                    BigDecimal returnedAmount = net.multiply(BigDecimal.valueOf(returned))
                            .divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_EVEN);
                    Map<String, Object> back = new LinkedHashMap<>();
                    back.put("original_line_id", id);
                    back.put("sku", product.sku());
                    back.put("quantity", returned);
                    back.put("net_amount", returnedAmount.toPlainString());
                    back.put("currency", "USD");
                    events.add(new DemoEvent(nextId("return", shortName), "return", at.plusSeconds(86_400L * between(random, 3, 45)),
                            partner, back));
                }
            }
        }
    }

    // ---- referral marketplace: clicks, sign-ups, conversions, monthly payments

    private void referrals() {
        Random random = random("referrals");
        for (Referrer referrer : REFERRERS) {
            for (int month = 1; month <= 12; month++) {
                int signups = poisson(random, referrer.signupsPerMonth());
                LocalDate first = LocalDate.of(YEAR, month, 1);
                for (int i = 0; i < signups; i++) {
                    LocalDate day = first.plusDays(random.nextInt(first.lengthOfMonth()));
                    Instant signedUpAt = anyHour(random, day);
                    String visitor = "v-" + Long.toString(random.nextLong() & 0xffffffffffL, 36);
                    int clicks = between(random, 1, 3);
                    for (int c = 0; c < clicks; c++) {
                        Map<String, Object> click = new LinkedHashMap<>();
                        click.put("code", referrer.code());
                        click.put("visitor_id", visitor);
                        events.add(new DemoEvent(nextId("click", referrer.code().toLowerCase()), "referral.click",
                                signedUpAt.minusSeconds(60L * between(random, 5, 60 * 24 * 10)), referrer.partner(), click));
                    }
                    String customer = "mkt-" + referrer.code().toLowerCase() + "-" + (sequences.getOrDefault("signup-"
                            + referrer.code().toLowerCase(), 0) + 1);
                    Map<String, Object> signup = new LinkedHashMap<>();
                    signup.put("customer_id", customer);
                    signup.put("code", referrer.code());
                    signup.put("visitor_id", visitor);
                    signup.put("email_verified", random.nextDouble() < 0.9);
                    signup.put("self_referral_suspected", random.nextDouble() < 0.03);
                    events.add(new DemoEvent(nextId("signup", referrer.code().toLowerCase()), "referral.signup", signedUpAt,
                            referrer.partner(), signup));
                    if (random.nextDouble() >= referrer.conversionChance()) continue;
                    // The marketplace's billing knows the customer, not the partner: attribution finds the referrer.
                    Instant convertedAt = signedUpAt.plusSeconds(3_600L * between(random, 24 * 3, 24 * 20));
                    events.add(new DemoEvent(nextId("conversion", referrer.code().toLowerCase()), "referral.conversion", convertedAt,
                            null, new LinkedHashMap<>(Map.of("customer_id", customer))));
                    String plan = pick(random, PLANS);
                    int invoice = 0;
                    for (Instant paidAt = convertedAt; paidAt.atOffset(ZoneOffset.UTC).getYear() == YEAR;
                         paidAt = paidAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant()) {
                        Map<String, Object> payment = new LinkedHashMap<>();
                        payment.put("customer_id", customer);
                        payment.put("amount", plan);
                        payment.put("currency", "USD");
                        payment.put("invoice", "INV-" + customer + "-" + (++invoice));
                        events.add(new DemoEvent(nextId("payment", referrer.code().toLowerCase()), "payment", paidAt, null, payment));
                    }
                }
            }
        }
    }

    // ---- co-op: campaign touches by enrolled partners, conversions shared by attribution, seller activations

    private void campaigns() {
        Random random = random("campaigns");
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(YEAR, month, 1);
            int customers = poisson(random, 45);
            for (int i = 0; i < customers; i++) {
                String customer = "mkt-coop-" + (++coopCustomers);
                LocalDate day = first.plusDays(random.nextInt(first.lengthOfMonth()));
                Instant decidedAt = anyHour(random, day);
                int touches = between(random, 1, 4);
                for (int t = 0; t < touches; t++) {
                    String partner = pick(random, CAMPAIGN_PARTNERS);
                    Map<String, Object> touch = new LinkedHashMap<>();
                    touch.put("campaign", CAMPAIGNS[month - 1] + "-" + YEAR);
                    touch.put("customer_id", customer);
                    events.add(new DemoEvent(nextId("touch", "coop"), "campaign.touch",
                            decidedAt.minusSeconds(3_600L * between(random, 1, 24 * 28)), partner, touch));
                }
                if (random.nextDouble() < 0.3) continue; // touched, never converted
                Map<String, Object> conversion = new LinkedHashMap<>();
                conversion.put("customer_id", customer);
                conversion.put("amount", BigDecimal.valueOf(between(random, 15_000, 400_000), 2).toPlainString());
                conversion.put("currency", "USD");
                events.add(new DemoEvent(nextId("conversion", "coop"), "conversion", decidedAt, null, conversion));
            }
            activations(random, first, "agency-brightline", 27);
            activations(random, first, "tech-ledgerly", 8);
        }
    }

    private void activations(Random random, LocalDate first, String partner, double perMonth) {
        int count = poisson(random, perMonth);
        for (int i = 0; i < count; i++) {
            String seller = "seller-" + partner.substring(partner.indexOf('-') + 1) + "-" + (sequences.getOrDefault("activation-" + partner, 0) + 1);
            events.add(new DemoEvent(nextId("activation", partner), "seller.activated",
                    anyHour(random, first.plusDays(random.nextInt(first.lengthOfMonth()))), partner,
                    new LinkedHashMap<>(Map.of("seller_id", seller))));
        }
    }

    // ---- technology partners: milestones, then active installs each month

    private void integrations() {
        Random random = random("integrations");
        integration(random, "tech-shipfast", new String[][] {
                {"authentication", "2026-01-20"}, {"data_mapping", "2026-02-24"}, {"automated_tests", "2026-03-31"}, {"certified", "2026-05-12"}},
                40, 18);
        integration(random, "tech-ledgerly", new String[][] {
                {"authentication", "2026-04-08"}, {"data_mapping", "2026-06-02"}, {"automated_tests", "2026-08-19"}, {"certified", "2026-10-06"}},
                10, 12);
        integration(random, "tech-chatwise", new String[][] {
                {"authentication", "2026-08-25"}, {"data_mapping", "2026-10-14"}},
                3, 4);
    }

    private void integration(Random random, String partner, String[][] milestones, int startInstalls, int growthPerMonth) {
        String shortName = partner.substring(partner.indexOf('-') + 1);
        for (String[] milestone : milestones) {
            events.add(new DemoEvent(nextId("milestone", shortName), "integration.milestone", workingHours(random, LocalDate.parse(milestone[1])),
                    partner, new LinkedHashMap<>(Map.of("milestone", milestone[0]))));
        }
        LocalDate live = LocalDate.parse(milestones[0][1]);
        int installs = startInstalls;
        for (LocalDate reported = live.withDayOfMonth(28); !reported.isAfter(LAST); reported = reported.plusMonths(1)) {
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("metric", "active_installs");
            usage.put("quantity", installs);
            events.add(new DemoEvent(nextId("usage", shortName), "usage", reported.atTime(23, 0).toInstant(ZoneOffset.UTC), partner, usage));
            installs += between(random, growthPerMonth / 2, growthPerMonth * 3 / 2);
        }
    }

    // ---- installed base: serial and warranty registrations, maintenance enrollment, service visits, parts

    private record Owner(String partner, int serials, boolean maintenance, double partsOrdersPerMonth, List<Product> parts) {}

    private static final List<Owner> OWNERS = List.of(
            new Owner("cust-greenfield", 12, true, 2, List.of(PRT_FLT, PRT_KIT)),
            new Owner("cust-riverbend", 40, false, 3, List.of(PRT_KIT, PRT_KIT, PRT_FLT)),
            new Owner("cust-oakdale", 5, true, 1, List.of(PRT_FLT)),
            new Owner("dealer-ridge", 60, true, 0, List.of()),
            new Owner("dealer-harbor", 40, false, 0, List.of()),
            new Owner("dealer-prairie", 20, true, 0, List.of()),
            new Owner("dealer-summit", 25, false, 0, List.of()));

    private void installedBase() {
        Random random = random("installed-base");
        for (Owner owner : OWNERS) {
            String shortName = owner.partner().substring(owner.partner().indexOf('-') + 1);
            for (int s = 1; s <= owner.serials(); s++) {
                String serial = "SN-" + shortName.toUpperCase() + "-" + (1000 + s);
                LocalDate registered = FIRST.plusDays(random.nextInt(330));
                Instant at = workingHours(random, registered);
                events.add(serialEvent("serial.registered", "serial", shortName, at, owner.partner(), serial));
                if (random.nextDouble() < 0.75) {
                    events.add(serialEvent("warranty.registered", "warranty", shortName, at.plusSeconds(600), owner.partner(), serial));
                }
                if (owner.maintenance() && random.nextDouble() < 0.6) {
                    events.add(serialEvent("pm.enrolled", "pm", shortName, at.plusSeconds(86_400L * between(random, 1, 30)), owner.partner(), serial));
                }
                if (random.nextDouble() < 0.5) {
                    LocalDate visit = registered.plusDays(between(random, 20, 200));
                    if (!visit.isAfter(LAST)) {
                        events.add(serialEvent("service.renewed", "service", shortName, workingHours(random, visit), owner.partner(), serial));
                    }
                }
            }
            for (int month = 1; month <= 12 && owner.partsOrdersPerMonth() > 0; month++) {
                LocalDate first = LocalDate.of(YEAR, month, 1);
                int orders = poisson(random, owner.partsOrdersPerMonth());
                for (int i = 0; i < orders; i++) {
                    Product product = pick(random, owner.parts());
                    int quantity = between(random, product.minQuantity(), product.maxQuantity());
                    String id = nextId("parts", shortName);
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("line_id", id);
                    data.put("sku", product.sku());
                    data.put("product_family", product.family());
                    data.put("quantity", quantity);
                    data.put("net_amount", product.price().multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
                    data.put("currency", "USD");
                    data.put("channel", "aftermarket");
                    events.add(new DemoEvent(id, "sale", workingHours(random, first.plusDays(random.nextInt(first.lengthOfMonth()))),
                            owner.partner(), data));
                }
            }
        }
    }

    private DemoEvent serialEvent(String type, String kind, String shortName, Instant at, String partner, String serial) {
        return new DemoEvent(nextId(kind, shortName), type, at, partner, new LinkedHashMap<>(Map.of("serial_number", serial)));
    }

    // ---- helpers

    private String nextId(String kind, String scope) {
        int n = sequences.merge(kind + "-" + scope, 1, Integer::sum);
        return ID_PREFIX + kind + "-" + scope + "-" + n;
    }

    private static Random random(String kind) {
        return new Random(SEED * 31 + kind.hashCode()); // String.hashCode and Random are specified: the same on every JVM
    }

    /** A Poisson-distributed count with the given mean (Knuth's method; the means here are small). */
    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A time on a working day between 08:00 and 17:00 in the US Central zone (14:00 to 23:00 UTC), to the minute. */
    private static Instant workingHours(Random random, LocalDate day) {
        return day.atTime(14, 0).toInstant(ZoneOffset.UTC).plusSeconds(60L * random.nextInt(9 * 60));
    }

    /** Marketplace activity happens at any hour, to the second. */
    private static Instant anyHour(Random random, LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(86_400));
    }
}

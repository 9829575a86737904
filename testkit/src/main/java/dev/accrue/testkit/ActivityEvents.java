package dev.accrue.testkit;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What each generated event says, written as it is emitted, and the follow-ups it sets in motion (a sale's
 * return, a click's sign-up, a registration's warranty), handed to the {@link Scheduler}.
 *
 * <p>Fields of {@link Pending} by kind: RETURN a=line, b=quantity, c=cents; SIGNUP a=visitor; conversion
 * and PAYMENT a=customer, b=cents; REFUND a=customer, b=cents, c=invoice; MILESTONE b=milestone index;
 * USAGE b=metric index, c=quantity; SERIAL/WARRANTY/PM/RENEWAL a=serial, b=1 for a repeated registration;
 * CERTIFICATION nothing.
 */
final class ActivityEvents {
    // Fresh kinds: drawn each day in proportion to the day's sales.
    static final byte SALE = 0;
    static final byte CLICK = 1;
    static final byte TOUCH = 2;
    static final byte COOP_CONVERSION = 3;
    static final byte SELLER_ACTIVATED = 4;
    static final byte PAYMENT_RECEIVED = 5;
    // Scheduled kinds.
    static final byte RETURN = 6;
    static final byte SIGNUP = 7;
    static final byte REFERRAL_CONVERSION = 8;
    static final byte PAYMENT = 9;
    static final byte REFUND = 10;
    static final byte MILESTONE = 11;
    static final byte USAGE = 12;
    static final byte SERIAL = 13;
    static final byte WARRANTY = 14;
    static final byte PM = 15;
    static final byte RENEWAL = 16;
    static final byte CERTIFICATION = 17;
    static final String[] TYPES = {"sale", "referral.click", "campaign.touch", "conversion", "seller.activated", "payment.received",
            "return", "referral.signup", "referral.conversion", "payment", "refund", "integration.milestone", "usage",
            "serial.registered", "warranty.registered", "pm.enrolled", "service.renewed", "certification.completed"};
    private static final String[] ID_PREFIXES = {"s-", "rc-", "ct-", "cv-", "sa-", "pr-", "r-", "rs-", "rv-", "py-", "rf-", "im-",
            "us-", "sr-", "wr-", "pm-", "sv-", "cc-"};
    static final String[] MILESTONES = {"authentication", "data_mapping", "automated_tests", "certified"};
    private static final String[] METRICS = {"active_installs", "api_calls"};
    private static final long[] SUBSCRIPTION_PLANS_CENTS = {29_00, 99_00, 299_00, 999_00};
    /** One sale line in this many is delivered twice (the same id and text), as retrying sources do. */
    private static final int DUPLICATE_ONE_IN = 10_000;
    private static final int RECENT_CUSTOMERS = 4096;

    /** Takes an event to be written on a later day. */
    interface Scheduler {
        void schedule(long day, byte kind, int partner, long a, long b, long c);
    }

    private final List<PartnerProfile> profiles;
    private final SplittableRandom random;
    private final LineText text;
    private final long salesCustomerCount;
    private final int year;
    private final Scheduler scheduler;
    private final Catalog catalog = new Catalog();
    private final long[] counts = new long[TYPES.length];
    private final long[] idNumbers = new long[TYPES.length];
    private final long[] recentCoopCustomers = new long[RECENT_CUSTOMERS];
    private long duplicates;
    private long serialNumbers;
    private long customers;
    private long visitors;
    private long coopCustomers;
    private long touchedCount;

    ActivityEvents(List<PartnerProfile> profiles, SplittableRandom random, LineText text, long salesCustomerCount, int year,
            Scheduler scheduler) {
        this.profiles = profiles;
        this.random = random;
        this.text = text;
        this.salesCustomerCount = salesCustomerCount;
        this.year = year;
        this.scheduler = scheduler;
    }

    ActivityCounts counts() {
        return ActivityCounts.of(TYPES, counts, duplicates);
    }

    void emit(byte kind, Pending item, PartnerProfile partner, long epochMilli, long day, boolean prior) {
        counts[kind]++;
        switch (kind) {
            case SALE -> sale(partner, epochMilli, day, prior);
            case CLICK -> click(partner, epochMilli, day);
            case TOUCH -> touch(partner, epochMilli);
            case COOP_CONVERSION -> coopConversion(epochMilli);
            case SELLER_ACTIVATED -> sellerActivated(partner, epochMilli);
            case PAYMENT_RECEIVED -> paymentReceived(partner, epochMilli);
            case RETURN -> saleReturn(item, epochMilli);
            case SIGNUP -> signup(item, epochMilli, day);
            case REFERRAL_CONVERSION -> referralConversion(item, epochMilli, day);
            case PAYMENT -> payment(item, epochMilli, day);
            case REFUND -> refund(item, epochMilli);
            case MILESTONE -> begin(kind, epochMilli, profiles.get(item.partner)).string("milestone", MILESTONES[(int) item.b]).end();
            case USAGE -> begin(kind, epochMilli, profiles.get(item.partner)).string("metric", METRICS[(int) item.b])
                    .integer("quantity", item.c).end();
            case SERIAL, WARRANTY, PM, RENEWAL -> serviceEvent(kind, item, epochMilli, day);
            case CERTIFICATION -> begin(kind, epochMilli, profiles.get(item.partner)).string("certification", "installer").end();
            default -> throw new IllegalStateException("no such kind " + kind);
        }
    }

    private LineText begin(byte kind, long epochMilli, PartnerProfile partner) {
        text.begin(ID_PREFIXES[kind], ++idNumbers[kind], TYPES[kind], epochMilli, partner.timeStyle, partner.offsetMinutes).partner(partner.id);
        return text.startData();
    }

    /** An event without a partner: attribution finds one, from a code, a visitor or a touch. */
    private LineText beginUnattributed(byte kind, long epochMilli) {
        text.begin(ID_PREFIXES[kind], ++idNumbers[kind], TYPES[kind], epochMilli, PartnerProfile.TIME_UTC_SECONDS, 0);
        return text.startData();
    }

    private void sale(PartnerProfile partner, long epochMilli, long day, boolean prior) {
        int family = pickFamily(partner.type);
        Catalog.Sku sku = catalog.pick(family, random);
        long quantity = Catalog.quantity(family, random);
        long unitCents = sku.listPriceCents() * (100 - random.nextInt(16)) / 100;
        if (prior) {
            // Fewer, larger lines last year, sized so the partner's total is this year's over (1 + growth).
            long lineRatio = (100 - SyntheticData.PRIOR_YEAR_SALES_PERCENT) * 1000L / SyntheticData.PRIOR_YEAR_SALES_PERCENT;
            unitCents = unitCents * lineRatio / (1000 + partner.growthPerMille);
        }
        long cents = unitCents * quantity;
        long line = idNumbers[SALE] + 1;
        LineText data = begin(SALE, epochMilli, partner)
                .string("line_id", "L-", line).string("sku", sku.code()).string("product_family", Catalog.FAMILIES[family])
                .integer("quantity", quantity).amount("net_amount", cents).string("currency", "USD")
                .string("customer_id", "c-", 1 + Math.min(random.nextLong(salesCustomerCount), random.nextLong(salesCustomerCount)))
                .bool("new_customer", random.nextInt(100) < 8)
                .string("channel", channel(partner.type));
        if (partner.type != PartnerType.END_CUSTOMER) {   // an equipment owner buying parts has no sales reps
            data.field("rep_id").raw('"').raw(partner.id).raw("-r").number(1 + random.nextInt(partner.repCount)).raw('"');
        }
        long firstSerial = serialNumbers + 1;
        boolean serialized = sku.serialized() && quantity <= 4;
        if (serialized) {
            data.field("serial_numbers").raw('[');
            for (long unit = 0; unit < quantity; unit++) data.raw(unit == 0 ? "\"SN-" : ",\"SN-").number(++serialNumbers).raw('"');
            data.raw(']');
        }
        if (partner.type == PartnerType.RESELLER && random.nextInt(10) == 0) data.string("deal_registration", "DR-", 1 + random.nextInt(1_000_000));
        if (partner.type == PartnerType.INTEGRATOR) data.bool("installation_verified", random.nextInt(10) < 7);
        data.end();
        if (random.nextInt(DUPLICATE_ONE_IN) == 0) {
            text.repeatLastLine();
            duplicates++;
        }
        if (random.nextInt(1000) < partner.returnRatePerMille) {
            long returned = quantity == 1 || random.nextInt(10) < 6 ? quantity : 1 + random.nextLong(quantity - 1);
            scheduler.schedule(day + returnDelayDays(), RETURN, partner.index, line, returned, unitCents * returned);
        }
        if (serialized && (partner.type == PartnerType.DEALER || partner.type == PartnerType.END_CUSTOMER)) {
            for (long serial = firstSerial; serial <= serialNumbers; serial++) {
                if (random.nextInt(4) == 0) scheduler.schedule(day + 1 + random.nextInt(30), SERIAL, partner.index, serial, 0, 0);
            }
        }
    }

    /** Most returns come within a month, some after the period closed, a few past any clawback window. */
    private int returnDelayDays() {
        int bucket = random.nextInt(100);
        if (bucket < 70) return 1 + random.nextInt(30);
        if (bucket < 95) return 31 + random.nextInt(60);
        return 91 + random.nextInt(60);
    }

    private int pickFamily(PartnerType type) {
        int[] mix = Catalog.familyMix(type);
        int target = random.nextInt(1000);
        for (int family = 0; family < mix.length; family++) {
            target -= mix[family];
            if (target < 0) return family;
        }
        return Catalog.PARTS;
    }

    private String channel(PartnerType type) {
        return switch (type) {
            case DISTRIBUTOR -> random.nextBoolean() ? "sell_in" : "sell_through";
            case DEALER -> random.nextInt(10) < 8 ? "sell_through" : "sell_in";
            case INTEGRATOR -> "project";
            case RESELLER -> random.nextInt(10) < 6 ? "direct" : "online";
            default -> "direct";
        };
    }

    private void saleReturn(Pending item, long epochMilli) {
        begin(RETURN, epochMilli, profiles.get(item.partner)).string("original_line_id", "L-", item.a)
                .integer("quantity", item.b).amount("net_amount", item.c).string("currency", "USD").end();
    }

    private void click(PartnerProfile partner, long epochMilli, long day) {
        long visitor = ++visitors;
        begin(CLICK, epochMilli, partner).string("code", partner.referralCode).string("visitor_id", "v-", visitor).end();
        if (random.nextInt(4) == 0) scheduler.schedule(day + 1 + random.nextInt(30), SIGNUP, partner.index, visitor, 0, 0);
    }

    private void signup(Pending item, long epochMilli, long day) {
        long customer = ++customers;
        LineText data = beginUnattributed(SIGNUP, epochMilli).string("customer_id", "rc-", customer);
        if (random.nextInt(5) == 0) data.string("code", profiles.get(item.partner).referralCode);
        else data.string("visitor_id", "v-", item.a);
        data.bool("email_verified", random.nextInt(10) < 9).bool("self_referral_suspected", random.nextInt(100) < 3).end();
        if (random.nextInt(10) < 4) scheduler.schedule(day + 1 + random.nextInt(20), REFERRAL_CONVERSION, item.partner, customer, 0, 0);
    }

    private void referralConversion(Pending item, long epochMilli, long day) {
        beginUnattributed(REFERRAL_CONVERSION, epochMilli).string("customer_id", "rc-", item.a).end();
        long plan = SUBSCRIPTION_PLANS_CENTS[Math.min(random.nextInt(4), random.nextInt(4))];
        scheduler.schedule(day + 1 + random.nextInt(5), PAYMENT, item.partner, item.a, plan, 0);
    }

    private void payment(Pending item, long epochMilli, long day) {
        long invoice = idNumbers[PAYMENT] + 1;
        beginUnattributed(PAYMENT, epochMilli).string("customer_id", "rc-", item.a).amount("amount", item.b)
                .string("currency", "USD").string("invoice", "INV-", invoice).end();
        if (random.nextInt(100) < 95) scheduler.schedule(day + 30, PAYMENT, item.partner, item.a, item.b, 0);
        if (random.nextInt(100) < 2) scheduler.schedule(day + 1 + random.nextInt(40), REFUND, item.partner, item.a, item.b, invoice);
    }

    private void refund(Pending item, long epochMilli) {
        beginUnattributed(REFUND, epochMilli).string("customer_id", "rc-", item.a).amount("amount", item.b)
                .string("currency", "USD").string("invoice", "INV-", item.c).end();
    }

    private void touch(PartnerProfile partner, long epochMilli) {
        long customer = random.nextBoolean() && touchedCount > 0 ? recentlyTouched() : ++coopCustomers;
        recentCoopCustomers[(int) (touchedCount++ % RECENT_CUSTOMERS)] = customer;
        begin(TOUCH, epochMilli, partner).string("campaign", "CMP-" + year + "-" + (1 + random.nextInt(40)))
                .string("customer_id", "mc-", customer).end();
    }

    private void coopConversion(long epochMilli) {
        // Most conversions follow recent touches; some come from customers no partner touched.
        long customer = touchedCount > 0 && random.nextInt(100) < 85 ? recentlyTouched() : ++coopCustomers;
        beginUnattributed(COOP_CONVERSION, epochMilli).string("customer_id", "mc-", customer)
                .amount("amount", 50_00 + random.nextLong(4_950_00)).string("currency", "USD").end();
    }

    /** One of the last {@value #RECENT_CUSTOMERS} customers a partner touched. */
    private long recentlyTouched() {
        return recentCoopCustomers[(int) random.nextLong(Math.min(touchedCount, RECENT_CUSTOMERS))];
    }

    private void sellerActivated(PartnerProfile partner, long epochMilli) {
        begin(SELLER_ACTIVATED, epochMilli, partner).string("seller_id", "sl-", idNumbers[SELLER_ACTIVATED]).end();
    }

    private void paymentReceived(PartnerProfile partner, long epochMilli) {
        begin(PAYMENT_RECEIVED, epochMilli, partner).string("invoice", "AR-", idNumbers[PAYMENT_RECEIVED])
                .integer("days_late", random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(60)).end();
    }

    private void serviceEvent(byte kind, Pending item, long epochMilli, long day) {
        begin(kind, epochMilli, profiles.get(item.partner)).string("serial_number", "SN-", item.a).end();
        if (kind != SERIAL || item.b != 0) return;
        if (random.nextInt(100) < 2) scheduler.schedule(day + 1 + random.nextInt(20), SERIAL, item.partner, item.a, 1, 0);
        if (random.nextInt(100) < 70) scheduler.schedule(day + 1 + random.nextInt(10), WARRANTY, item.partner, item.a, 0, 0);
        if (random.nextInt(100) < 25) scheduler.schedule(day + 5 + random.nextInt(56), PM, item.partner, item.a, 0, 0);
        if (random.nextInt(100) < 15) scheduler.schedule(day + 90 + random.nextInt(211), RENEWAL, item.partner, item.a, 0, 0);
    }
}

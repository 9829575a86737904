package dev.accrue.testkit;

import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes a year of activity, and the sales of the year before, as event lines in time order. It walks day
 * by day: the day's fresh events (sales, clicks, campaign touches, …) get random times, the events
 * scheduled earlier for that day join them (returns of earlier lines, sign-ups after clicks, monthly
 * payments, registrations of sold serial numbers), and the day is sorted and written. Only the pending
 * future events are held, never the lines written.
 *
 * <p>Fields of {@link Pending} by kind: RETURN a=line, b=quantity, c=cents; ActivityEvents.SIGNUP a=visitor; conversion
 * and ActivityEvents.PAYMENT a=customer, b=cents; ActivityEvents.REFUND a=customer, b=cents, c=invoice; ActivityEvents.MILESTONE b=milestone index;
 * ActivityEvents.USAGE b=metric index, c=quantity; SERIAL/WARRANTY/PM/RENEWAL a=serial, b=1 for a repeated registration;
 * ActivityEvents.CERTIFICATION nothing.
 */
final class ActivityWriter implements ActivityEvents.Scheduler {
    /** Fresh events of each kind per 10,000 sale lines of the year, by kind (see {@link ActivityEvents}). */
    private static final int[] FRESH_PER_10K_SALES = {10_000, 300, 200, 50, 20, 50};
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final DataSpec spec;
    private final List<PartnerProfile> profiles;
    private final List<PartnerFactory.Certification> certifications;
    private final SplittableRandom random;
    private final PartnerPool sellers;
    private final PartnerPool referrers;
    private final PartnerPool coopPartners;
    private final PartnerPool accountsPayable;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(Pending.IN_TIME_ORDER);
    private final long priorStartDay;
    private final long yearStartDay;
    private final long yearEndDay;
    private final DayWeights priorDays;
    private final DayWeights yearDays;
    private long scheduled;

    ActivityWriter(DataSpec spec, PartnerFactory.Result partners) {
        this.spec = spec;
        this.profiles = partners.profiles();
        this.certifications = partners.certifications();
        this.random = new SplittableRandom(SyntheticData.streamSeed(spec.seed(), 3));
        sellers = new PartnerPool(profiles, p -> p.type.sells);
        referrers = new PartnerPool(profiles, p -> p.referralCode != null);
        coopPartners = new PartnerPool(profiles, p -> p.coop);
        accountsPayable = new PartnerPool(profiles, p -> p.type == PartnerType.DISTRIBUTOR || p.type == PartnerType.DEALER);
        priorStartDay = LocalDate.of(spec.year() - 1, 1, 1).toEpochDay();
        yearStartDay = LocalDate.of(spec.year(), 1, 1).toEpochDay();
        yearEndDay = LocalDate.of(spec.year() + 1, 1, 1).toEpochDay();
        priorDays = new DayWeights(priorStartDay, yearStartDay);
        yearDays = new DayWeights(yearStartDay, yearEndDay);
    }

    ActivityCounts write(Writer out) {
        LineText text = new LineText(out, priorStartDay - 1, yearEndDay + 1);
        long salesCustomerCount = Math.clamp(spec.saleLineCount() / 40, 1_000, 1_000_000);
        ActivityEvents events = new ActivityEvents(profiles, random, text, salesCustomerCount, spec.year(), this);
        scheduleTheYear();
        long priorSales = spec.saleLineCount() * SyntheticData.PRIOR_YEAR_SALES_PERCENT / 100;
        long yearSales = spec.saleLineCount() - priorSales;
        long[] keys = new long[1024];
        byte[] kinds = new byte[1024];
        int[] partnerIndexes = new int[1024];
        Pending[] items = new Pending[1024];
        for (long day = priorStartDay; day < yearEndDay; day++) {
            boolean prior = day < yearStartDay;
            long dayStart = day * MILLIS_PER_DAY;
            int size = 0;
            for (byte kind = ActivityEvents.SALE; kind <= ActivityEvents.PAYMENT_RECEIVED; kind++) {
                if (prior && kind != ActivityEvents.SALE) break;
                long total = prior ? priorSales : yearSales * FRESH_PER_10K_SALES[kind] / 10_000;
                long count = (prior ? priorDays : yearDays).share(total, day);
                if (kind != ActivityEvents.SALE && poolFor(kind).isEmpty()) count = 0;
                for (long i = 0; i < count; i++) {
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2);
                        kinds = Arrays.copyOf(kinds, size * 2);
                        partnerIndexes = Arrays.copyOf(partnerIndexes, size * 2);
                        items = Arrays.copyOf(items, size * 2);
                    }
                    PartnerProfile partner = kind == ActivityEvents.COOP_CONVERSION ? null
                            : kind == ActivityEvents.PAYMENT_RECEIVED ? accountsPayable.pickUniform(random) : poolFor(kind).pick(random);
                    keys[size] = ((long) businessMillis(partner) << 32) | size;
                    kinds[size] = kind;
                    partnerIndexes[size] = partner == null ? -1 : partner.index;
                    items[size] = null;
                    size++;
                }
            }
            while (!pending.isEmpty() && pending.peek().epochMilli < dayStart + MILLIS_PER_DAY) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                    kinds = Arrays.copyOf(kinds, size * 2);
                    partnerIndexes = Arrays.copyOf(partnerIndexes, size * 2);
                    items = Arrays.copyOf(items, size * 2);
                }
                Pending item = pending.poll();
                keys[size] = ((item.epochMilli - dayStart) << 32) | size;
                kinds[size] = item.kind;
                items[size] = item;
                size++;
            }
            Arrays.sort(keys, 0, size);
            for (int i = 0; i < size; i++) {
                int slot = (int) keys[i];
                long epochMilli = dayStart + (keys[i] >>> 32);
                PartnerProfile partner = partnerIndexes[slot] < 0 ? null : profiles.get(partnerIndexes[slot]);
                events.emit(kinds[slot], items[slot], partner, epochMilli, day, prior);
                items[slot] = null;
            }
        }
        text.flush();
        return events.counts();
    }

    private PartnerPool poolFor(byte kind) {
        return switch (kind) {
            case ActivityEvents.CLICK -> referrers;
            case ActivityEvents.TOUCH, ActivityEvents.SELLER_ACTIVATED -> coopPartners;
            case ActivityEvents.PAYMENT_RECEIVED -> accountsPayable;
            default -> sellers;
        };
    }

    /**
     * A time of day in milliseconds: mostly North American business hours (13:00–23:00 UTC), some at any hour.
     * Whole seconds unless the partner's systems write milliseconds, so that the file, sorted by these times,
     * is in time order as written too.
     */
    private int businessMillis(PartnerProfile partner) {
        int millis = random.nextInt(5) == 0 ? random.nextInt((int) MILLIS_PER_DAY) : 13 * 3_600_000 + random.nextInt(10 * 3_600_000);
        return partner != null && partner.timeStyle == PartnerProfile.TIME_UTC_MILLIS ? millis : millis - millis % 1000;
    }

    /** Integration milestones and usage of technology partners, and certifications completed by partners' record changes. */
    private void scheduleTheYear() {
        for (PartnerProfile partner : profiles) {
            if (partner.type != PartnerType.TECHNOLOGY) continue;
            long day = yearStartDay + random.nextInt(200);
            long authenticated = day;
            for (int milestone = 0; milestone < ActivityEvents.MILESTONES.length; milestone++) {
                schedule(day, ActivityEvents.MILESTONE, partner.index, 0, milestone, 0);
                if (random.nextInt(100) < 5) schedule(day + 1 + random.nextInt(10), ActivityEvents.MILESTONE, partner.index, 0, milestone, 0);
                day += 10 + random.nextInt(50);
            }
            long installs = 5 + random.nextInt(45);
            boolean reportsCalls = random.nextInt(10) < 3;
            for (LocalDate month = LocalDate.ofEpochDay(authenticated).withDayOfMonth(1).plusMonths(1);
                    month.toEpochDay() < yearEndDay; month = month.plusMonths(1)) {
                schedule(month.toEpochDay(), ActivityEvents.USAGE, partner.index, 0, 0, installs);
                if (reportsCalls) schedule(month.toEpochDay(), ActivityEvents.USAGE, partner.index, 0, 1, 1_000 + random.nextInt(99_000));
                installs += installs / 10 + random.nextInt(5);
            }
        }
        for (PartnerFactory.Certification certification : certifications) {
            long at = certification.at().toEpochMilli();
            pending.add(new Pending(at, scheduled++, ActivityEvents.CERTIFICATION, certification.partnerIndex(), 0, 0, 0));
        }
    }

    /** Schedules an event at a random business time of {@code day}; one falling after the year is not written. */
    @Override
    public void schedule(long day, byte kind, int partner, long a, long b, long c) {
        if (day >= yearEndDay) return;
        boolean unattributed = kind == ActivityEvents.SIGNUP || kind == ActivityEvents.REFERRAL_CONVERSION || kind == ActivityEvents.PAYMENT || kind == ActivityEvents.REFUND;
        PartnerProfile writer = unattributed ? null : profiles.get(partner);
        pending.add(new Pending(day * MILLIS_PER_DAY + businessMillis(writer), scheduled++, kind, partner, a, b, c));
    }
}

package dev.accrue.core.engine;

import dev.accrue.core.attribution.Split;
import dev.accrue.core.attribution.TouchWeights;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.program.Attribution;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.Rule;
import dev.accrue.core.time.PeriodId;
import dev.accrue.core.time.ProgramCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;

/**
 * The evaluation core: takes events in (occurred_at, id) order and turns them into earnings under the
 * given program versions, closing each program period once the stream has passed its end (and, with a
 * close-through date, only periods that end on or before it). Pure: no clock, no I/O.
 */
public final class Engine {
    /** How many touches per customer are kept for co-op attribution. */
    static final int TOUCHES_PER_CUSTOMER_MAX = 100;

    /** What happened to the events the engine was given. */
    public record Stats(long accepted, long unattributed, long unknownPartner) {}

    private final List<ProgramRun> runs = new ArrayList<>();
    /**
     * By event type, the runs that compete for an event: one list per stacking group (priority order), one
     * singleton per other run; only runs with rules for that type, so an event meets only the programs it concerns.
     */
    private final Map<String, List<List<ProgramRun>>> contestsByType = new HashMap<>();
    private final Map<ProgramRun, PeriodId> nextToClose = new HashMap<>();
    private final MeasureBook measures;
    private final Set<ProgramCalendar> calendars = new HashSet<>();
    private final PartnerLookup partners;
    private final ClosePolicy policy;
    /** A simulation takes events in order and refuses anything else; the live books take them as they arrive. */
    private final boolean ordered;
    /** Live only: the periods (per calendar) in which a partner's activity arrived since {@link #drainProvisional()} last ran. */
    private final Map<ProgramCalendar, Map<PeriodId, Set<String>>> touched = new HashMap<>();
    /** Live only: the ids taken so far, so an event handed over twice (by a replay and a queue) counts once. */
    private final IdHashSet seen;
    /** Partners of events that were set aside because the partner was not known then. */
    private final Set<String> unknownPartners = new HashSet<>();
    private final ConditionViews views = new ConditionViews();
    private final Customers customers = new Customers();
    private final SaleLineIndex saleLines;
    /** Numbers the lines of the events given to {@link #accept(Event)}; a simulation numbers them as it reads ({@link SharedRun}). */
    private final LineNumbers lineNumbers = new LineNumbers();
    private final Map<String, List<TouchWeights.Touch>> touches = new HashMap<>();
    private final List<Earning> closed = new ArrayList<>();
    /** For each closed earning: the number of events taken when it closed, and its run's place among all programs. */
    private final List<long[]> closedKeys = new ArrayList<>();
    /** The programs (of all, not only this engine's) that split a conversion without a partner, in run order. */
    private final List<Program> splitters = new ArrayList<>();
    /** Each run's place among all the programs given, in (id, version) order. */
    private final Map<ProgramRun, Integer> order = new HashMap<>();
    /** No period can close before this instant (null: look); reset wherever {@link #nextToClose} changes otherwise. */
    private Instant nextCloseAt;
    private Instant lastAt;
    private String lastId;
    private long accepted;
    /** Set once the close-through date closes what is left: those closes come after every event's. */
    private boolean closingAfterEvents;
    private long unattributed;
    private long unknownPartner;

    /**
     * An engine for events given in (occurred_at, id) order, each once.
     *
     * @param closeThrough periods whose last day is after this date stay open; null closes every period the stream passes
     */
    public Engine(List<ProgramVersion> programs, PartnerLookup partners, LocalDate closeThrough) {
        this(programs, partners, ClosePolicy.through(closeThrough), true, version -> true, 0);
    }

    /**
     * An engine for a share of the programs, for a simulation that runs one engine per share side by side
     * ({@link Simulation}): it takes every event, as the whole engine would, and judges only the programs
     * {@code mine} accepts, which must keep each stacking group whole. What programs outside the share decide
     * for every engine alike (how a conversion without a partner is split) it decides from all of them.
     *
     * @param expectedEvents about how many events will come (and so at most how many sale lines); 0: not known
     */
    Engine(List<ProgramVersion> programs, PartnerLookup partners, LocalDate closeThrough, Predicate<ProgramVersion> mine,
           int expectedEvents) {
        this(programs, partners, ClosePolicy.through(closeThrough), true, mine, expectedEvents);
    }

    /**
     * An engine for the live books: events come as they arrive, perhaps out of order, and only the periods
     * the policy allows are closed. What an out-of-order event changes in its own open period is right
     * once the books replay the events in order (at close, or when a late event arrives); until then the
     * provisional figures follow arrival order.
     */
    public static Engine live(List<ProgramVersion> programs, PartnerLookup partners, ClosePolicy policy) {
        return new Engine(programs, partners, policy, false, version -> true, 0);
    }

    private Engine(List<ProgramVersion> programs, PartnerLookup partners, ClosePolicy policy, boolean ordered,
                   Predicate<ProgramVersion> mine, int expectedEvents) {
        this.partners = partners;
        this.saleLines = new SaleLineIndex(expectedEvents);
        this.policy = policy;
        this.ordered = ordered;
        this.seen = ordered ? null : new IdHashSet();
        int tracks = 0;
        List<ProgramVersion> byId = new ArrayList<>(programs);
        byId.sort(Comparator.comparing((ProgramVersion p) -> p.program().id()).thenComparingInt(ProgramVersion::version));
        for (int i = 0; i < byId.size(); i++) {
            ProgramVersion current = byId.get(i);
            ProgramVersion next = i + 1 < byId.size() && byId.get(i + 1).program().id().equals(current.program().id())
                    ? byId.get(i + 1) : null;
            if (splitsConversions(current.program())) splitters.add(current.program());
            if (!mine.test(current)) continue;
            LocalDate endsBefore = next == null ? null : next.program().effective().from().minusDays(1);
            ProgramRun run = new ProgramRun(current.program(), current.version(), endsBefore, tracks);
            tracks += current.program().tracks().size();
            runs.add(run);
            order.put(run, i);
            nextToClose.put(run, run.program.calendar().periodOf(run.activeFrom));
        }
        List<List<ProgramRun>> contests = new ArrayList<>();
        Map<String, List<ProgramRun>> groups = new LinkedHashMap<>();
        for (ProgramRun run : runs) {
            if (run.program.stacking() == null) {
                contests.add(List.of(run));
            } else {
                groups.computeIfAbsent(run.program.stacking().group(), g -> new ArrayList<>()).add(run);
            }
        }
        for (List<ProgramRun> group : groups.values()) {
            group.sort(Comparator.comparingInt((ProgramRun r) -> r.program.stacking().priority())
                    .thenComparing(r -> r.program.id()));
            contests.add(List.copyOf(group));
        }
        Set<String> eventTypes = new HashSet<>();
        runs.forEach(run -> run.eventSlots.forEach(slot -> eventTypes.add(slot.rule().on())));
        for (String type : eventTypes) {
            List<List<ProgramRun>> concerned = new ArrayList<>();
            for (List<ProgramRun> contest : contests) {
                List<ProgramRun> withRules = contest.stream().filter(run -> run.hasRulesFor(type)).toList();
                if (!withRules.isEmpty()) concerned.add(withRules);
            }
            contestsByType.put(type, List.copyOf(concerned));
        }
        runs.forEach(run -> calendars.add(run.program.calendar()));
        this.measures = new MeasureBook(calendars);
    }

    /** Takes the next event; events must come in (occurred_at, id) order, each id once. */
    public void accept(Event event) {
        if (!ordered && !seen.add(event.id())) return;
        accept(event, lineNumbers.numberOf(event));
    }

    /** Takes the next event with the number of the line it puts or names ({@link LineNumbers#numberOf}), every event given numbered in turn. */
    void accept(Event event, int line) {
        boolean afterLast = lastAt == null || isAfterLast(event);
        if (ordered && !afterLast) {
            throw new IllegalArgumentException("events must come in (occurred_at, id) order without repeats: "
                    + event.id() + " after " + lastId);
        }
        if (afterLast) {
            lastAt = event.occurredAt();
            lastId = event.id();
        }
        accepted++;
        closePassed(lastAt);
        if (event.partnerId() == null) {
            String referrer = customers.referrer(EventFields.string(event, "customer_id"));
            if (referrer != null) {
                event = new Event(event.id(), event.type(), event.occurredAt(), referrer, event.data());
            } else if (EventTypes.CONVERSION.equals(event.type()) && splitConversion(event)) {
                return;
            } else {
                unattributed++;
                return;
            }
        }
        Partner partner = partners.find(event.partnerId());
        if (partner == null) {
            unknownPartner++;
            unknownPartners.add(event.partnerId());
            return;
        }
        event = withPartnersOwnId(event, partner);
        touch(partner.id(), event.occurredAt());
        evaluate(event, partner, line);
    }

    /**
     * The event with its known partner's own id string: the engine's maps by partner then find their keys by
     * identity, where an equal string read from the event would be compared byte by byte (a cache miss each).
     * A simulation does this on the thread that reads the events, before the engine's ({@link SharedRun}).
     */
    static Event withPartnersOwnId(Event event, PartnerLookup partners) {
        if (event.partnerId() == null) return event;
        Partner partner = partners.find(event.partnerId());
        return partner == null ? event : withPartnersOwnId(event, partner);
    }

    private static Event withPartnersOwnId(Event event, Partner partner) {
        if (event.partnerId() == partner.id()) return event;
        return new Event(event.id(), event.type(), event.occurredAt(), partner.id(), event.data());
    }

    private void touch(String partnerId, Instant at) {
        if (ordered) return; // a simulation reads the earnings at the end, never provisionally
        for (ProgramCalendar calendar : calendars) {
            touched.computeIfAbsent(calendar, c -> new HashMap<>()).computeIfAbsent(calendar.periodOf(at), p -> new HashSet<>()).add(partnerId);
        }
    }

    private boolean isAfterLast(Event event) {
        int order = event.occurredAt().compareTo(lastAt);
        return order > 0 || (order == 0 && event.id().compareTo(lastId) > 0);
    }

    /** @param lineNumber the number of the line the event puts or names, or {@link LineNumbers#NONE} */
    private void evaluate(Event event, Partner partner, int lineNumber) {
        SaleLine returned = null;
        if (EventTypes.RETURN.equals(event.type()) || EventTypes.REFUND.equals(event.type())) returned = saleLines.get(lineNumber);
        ConditionViews.PartnerState partnerState = views.state(partner, partner.asOf(event.occurredAt()));
        measures.record(event, partnerState.number, returned == null ? null : returned.family);
        customers.observe(event, event.partnerId());
        if ("campaign.touch".equals(event.type())) rememberTouch(event);
        if (returned != null) reverse(event, returned);
        SaleLine line = null;
        if (lineNumber != LineNumbers.NONE && EventTypes.SALE.equals(event.type())) {
            line = new SaleLine(EventFields.string(event, "product_family"), event.occurredAt(), event.partnerId());
        } else if (lineNumber != LineNumbers.NONE && EventTypes.PAYMENT.equals(event.type())) {
            // A refund names the invoice it pays back, as a return names its sale line.
            line = new SaleLine(null, event.occurredAt(), event.partnerId());
        }
        List<List<ProgramRun>> concerned = partnerState.contestsByType.get(event.type());
        if (concerned == null) partnerState.contestsByType.put(event.type(), concerned = selecting(event.type(), partnerState));
        if (!concerned.isEmpty()) judge(event, partnerState, concerned, line);
        // Put once judged: the index keeps a line with its claims, and of one without, only its family.
        if (line != null) saleLines.put(lineNumber, line);
    }

    /** Judges the event in each contest it concerns, the line (if any) taking the claims of what it adds. */
    private void judge(Event event, ConditionViews.PartnerState partnerState, List<List<ProgramRun>> concerned, SaleLine line) {
        Map<String, Object> customerView = customers.view(EventFields.string(event, "customer_id"), event.occurredAt());
        EventViews eventViews = new EventViews(event, partnerState.view, customerView);
        // Indexed loops: this runs for every event and program, and the iterators did not always go away.
        for (int c = 0; c < concerned.size(); c++) {
            List<ProgramRun> contest = concerned.get(c);
            for (int r = 0; r < contest.size(); r++) {
                ProgramRun run = contest.get(r);
                if (!run.activeAt(event.occurredAt())) continue;
                List<ProgramRun.Candidate> candidates = run.candidates(event, partnerState, eventViews);
                if (candidates.isEmpty()) continue;
                PeriodId period = run.periodAt(event.occurredAt());
                if (run.isClosed(period)) continue; // a late event: the books replay in order and adjust
                for (int k = 0; k < candidates.size(); k++) {
                    ProgramRun.Candidate candidate = candidates.get(k);
                    if (run.commit(candidate, event, partnerState.number, period) && line != null) line.claim(run, period, candidate);
                }
                break; // in a stacking group, the first matching program (lowest priority) takes the line
            }
        }
    }

    /**
     * The contests for an event type, cut to the programs with a rule on it whose track selects the partner
     * version: found once per version and type, so an event meets only the programs that may pay for it.
     */
    private List<List<ProgramRun>> selecting(String type, ConditionViews.PartnerState partner) {
        List<List<ProgramRun>> selecting = new ArrayList<>();
        for (List<ProgramRun> contest : contestsByType.getOrDefault(type, List.of())) {
            List<ProgramRun> runs = contest.stream().filter(run -> run.selectsAny(type, partner)).toList();
            if (!runs.isEmpty()) selecting.add(runs);
        }
        return List.copyOf(selecting);
    }

    /**
     * A return reduces the basis of the period its sale is in while that period is open; once it is closed,
     * a return within the clawback window reverses what the line earned, at the rate it earned, in the
     * return's own period; later than that it changes nothing.
     */
    private void reverse(Event returnEvent, SaleLine line) {
        if (line.claims.length == 0) return;
        BigDecimal returnedAmount = EventFields.amount(returnEvent, EventTypes.REFUND.equals(returnEvent.type()) ? "amount" : "net_amount");
        BigDecimal returnedQuantity = EventFields.quantity(returnEvent);
        int partner = views.number(line.partnerId);
        for (SaleLine.Claim claim : line.claims) {
            ProgramRun run = claim.run();
            if (claim.entry() != null) {
                // A rule that folds has no clawback: a return counts only while the line's period is open.
                if (!run.isClosed(claim.period())) {
                    run.fold(claim.period(), claim.slot(), partner, line.partnerId, claim.entry(), returnEvent.occurredAt(), returnEvent.id(),
                            returnedAmount.negate(), returnedQuantity.negate(), true);
                }
                continue;
            }
            Match original = claim.match();
            if (!run.isClosed(claim.period())) {
                run.add(claim.period(), claim.slot(), partner, line.partnerId,
                        original.reversedBy(returnEvent.occurredAt(), returnEvent.id(), returnedAmount, returnedQuantity));
                continue;
            }
            var clawback = run.program.clawback();
            if (clawback == null || !returnEvent.type().equals(clawback.on())) continue;
            Instant returnedAt = returnEvent.occurredAt();
            if (line.afterClawback(returnedAt.getEpochSecond(), returnedAt.getNano(), clawback.withinDays())) continue;
            if (original.finalMinor == 0 || original.basis().signum() == 0) continue;
            BigDecimal earned = BigDecimal.valueOf(original.finalMinor, claim.slot().unit().minorDigits());
            BigDecimal reversal = earned.multiply(returnedAmount).divide(original.basis(), PeriodMeasures.RATIO).negate();
            PeriodId returnPeriod = run.program.calendar().periodOf(returnEvent.occurredAt());
            run.add(returnPeriod, claim.slot(), partner, line.partnerId, new Match(returnEvent.occurredAt(), returnEvent.id(), original.payee,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, List.of(), null, null, true, reversal,
                    "clawback of " + original.eventId));
        }
    }

    private void rememberTouch(Event event) {
        String customerId = EventFields.string(event, "customer_id");
        if (customerId == null) return;
        List<TouchWeights.Touch> list = touches.computeIfAbsent(customerId, c -> new ArrayList<>());
        if (list.size() == TOUCHES_PER_CUSTOMER_MAX) list.remove(0);
        list.add(new TouchWeights.Touch(event.occurredAt(), event.partnerId()));
    }

    /**
     * A conversion without a partner is shared by the partners whose touches of the customer fall in the
     * lookback of a program that splits by attribution: each gets its share of the amount, exactly.
     */
    private boolean splitConversion(Event event) {
        List<TouchWeights.Touch> customerTouches = touches.get(EventFields.string(event, "customer_id"));
        if (customerTouches == null) return false;
        for (Program program : splitters) {
            Attribution attribution = program.attribution();
            Instant from = event.occurredAt().minus(Duration.ofDays(attribution.lookbackDays()));
            List<TouchWeights.Touch> inWindow = customerTouches.stream()
                    .filter(t -> !t.at().isBefore(from) && !t.at().isAfter(event.occurredAt())).toList();
            Map<String, BigDecimal> weights = TouchWeights.weights(attribution.model(), inWindow, event.occurredAt(),
                    attribution.first(), attribution.last(), attribution.halfLifeDays());
            if (weights.isEmpty()) continue;
            BigDecimal amount = EventFields.amount(event, "amount");
            int digits = program.unit().minorDigits();
            long wholeMinor = amount.movePointRight(digits).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
            Map<String, Long> shares = Split.largestRemainder(wholeMinor, weights);
            for (Map.Entry<String, Long> share : shares.entrySet()) {
                Partner partner = partners.find(share.getKey());
                if (partner == null) continue;
                touch(partner.id(), event.occurredAt());
                Map<String, Object> data = new HashMap<>(event.data());
                data.put("amount", BigDecimal.valueOf(share.getValue(), digits));
                data.put("attribution_weight", weights.get(share.getKey()));
                evaluate(new Event(event.id(), event.type(), event.occurredAt(), partner.id(), data), partner, LineNumbers.NONE);
            }
            return true;
        }
        return false;
    }

    /** Whether a program splits a conversion without a partner among the partners that touched its customer. */
    private static boolean splitsConversions(Program program) {
        if (program.attribution() == null) return false;
        boolean onConversions = false;
        boolean splits = false;
        for (var track : program.tracks()) {
            for (Rule rule : track.rules()) {
                if (rule.onPeriodClose()) continue;
                onConversions |= EventTypes.CONVERSION.equals(rule.on());
                splits |= rule.splitByAttribution();
            }
        }
        return onConversions && splits;
    }

    /** Closes every period the stream has passed (that ends on or before the close-through date). */
    private void closePassed(Instant now) {
        if (nextCloseAt != null && now.isBefore(nextCloseAt)) return;
        Instant earliest = null;
        for (ProgramRun run : runs) {
            PeriodId next = nextToClose.get(run);
            ProgramCalendar calendar = run.program.calendar();
            while (!calendar.endExclusive(next).isAfter(now) && mayClose(run, next)) {
                closeOne(run, next);
                next = next.next();
            }
            nextToClose.put(run, next);
            Instant end = calendar.endExclusive(next);
            if (mayClose(run, next) && (earliest == null || end.isBefore(earliest))) earliest = end;
        }
        nextCloseAt = earliest == null ? Instant.MAX : earliest;
    }

    private boolean mayClose(ProgramRun run, PeriodId period) {
        return policy.mayClose(run.program.id(), period);
    }

    private void closeOne(ProgramRun run, PeriodId period) {
        if (run.activeTo == null || !period.firstDay().isAfter(run.activeTo) || run.groups.containsKey(period)) {
            List<Earning> earnings = new PeriodClose(run, period, measures, partners, views, true, null).close();
            long[] key = {closingAfterEvents ? Long.MAX_VALUE : accepted, order.get(run)};
            for (int e = 0; e < earnings.size(); e++) closedKeys.add(key);
            closed.addAll(earnings);
        }
        run.markClosed(period);
        run.dropGroups(period);
    }

    /** Closes every period whose last day is on or before {@code through}; returns nothing new if already closed. */
    public void closeThrough(LocalDate through) {
        nextCloseAt = null;
        closingAfterEvents = true;
        for (ProgramRun run : runs) {
            PeriodId next = nextToClose.get(run);
            while (!next.lastDay().isAfter(through) && mayClose(run, next)) {
                closeOne(run, next);
                next = next.next();
            }
            nextToClose.put(run, next);
        }
    }

    /**
     * Closes every period the policy allows, whether or not the stream has passed its end: the books call
     * this after replaying the events, once a period has been closed. The policy must allow finitely many.
     */
    public void closeAllowed() {
        for (ProgramRun run : runs) {
            PeriodId next = nextToClose.get(run);
            while (mayClose(run, next)) {
                closeOne(run, next);
                next = next.next();
            }
            nextToClose.put(run, next);
        }
    }

    /** True when a period the event falls in is already closed in some program: the books must adjust for it. */
    public boolean isLate(Event event) {
        for (ProgramRun run : runs) {
            if (run.isClosed(run.program.calendar().periodOf(event.occurredAt()))) return true;
        }
        return false;
    }

    /** Partners of events set aside as unknown so far: once one of them is known, a replay evaluates its events. */
    public Set<String> unknownPartners() {
        return Set.copyOf(unknownPartners);
    }

    /**
     * The provisional earnings of the partners whose activity arrived since the last call, in the open
     * periods it arrived in, recomputed whole: for a program with a budget, every partner's, since the
     * budget is shared. A later period that reads {@code prior.*} catches up at the partner's next event
     * there, or at the next replay.
     */
    public List<Earning> drainProvisional() {
        List<Earning> open = new ArrayList<>();
        for (ProgramRun run : runs) {
            Map<PeriodId, Set<String>> byPeriod = touched.getOrDefault(run.program.calendar(), Map.of());
            for (Map.Entry<PeriodId, Set<String>> entry : byPeriod.entrySet()) {
                PeriodId period = entry.getKey();
                if (!run.groups.containsKey(period) || run.isClosed(period)) continue;
                Set<String> only = run.program.budget() == null ? entry.getValue() : null;
                open.addAll(new PeriodClose(run, period, measures, partners, views, false, only).close());
            }
        }
        touched.clear();
        return open;
    }

    /** Forgets which partners had activity, after the books have reconciled every open line anyway. */
    public void discardProvisional() {
        touched.clear();
    }

    /** Final earnings of the closed periods, in the order they closed. */
    public List<Earning> closedEarnings() {
        return List.copyOf(closed);
    }

    /**
     * For each of {@link #closedEarnings}: when it closed (events taken so far; the close-through date's
     * closes count as after every event) and its program's place: the order in which one engine over all
     * the programs would have closed it.
     */
    List<long[]> closedKeys() {
        return closedKeys;
    }

    /** What is booked so far for the periods still open: tiers and multipliers as reached, gates not yet judged. */
    public List<Earning> openEarnings() {
        List<Earning> open = new ArrayList<>();
        forEachOpen((earnings, place) -> open.addAll(earnings));
        return open;
    }

    /** The open earnings of each run, in run order, with the run's place among all the programs. */
    void forEachOpen(ObjIntConsumer<List<Earning>> action) {
        for (ProgramRun run : runs) {
            for (PeriodId period : run.groups.keySet()) {
                if (!run.isClosed(period)) action.accept(new PeriodClose(run, period, measures, partners, views, false, null).close(), order.get(run));
            }
        }
    }

    public Stats stats() {
        return new Stats(accepted, unattributed, unknownPartner);
    }

    /** The programs, for reporting: one per version. */
    public List<Program> programs() {
        return runs.stream().map(run -> run.program).toList();
    }
}

package dev.accrue.core.engine;

import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.condition.Condition;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.program.AmountForm;
import dev.accrue.core.program.Basis;
import dev.accrue.core.program.Caps;
import dev.accrue.core.program.Multiplier;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.Rule;
import dev.accrue.core.program.TierMode;
import dev.accrue.core.program.Tiers;
import dev.accrue.core.program.Track;
import dev.accrue.core.time.PeriodId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One program version while the engine runs: its rules indexed by event type, and what it has matched
 * so far, period by period, until each period closes.
 */
final class ProgramRun {
    final Program program;
    final int version;
    /** The dates this version governs: its effective dates, ended early by a later version. */
    final LocalDate activeFrom;
    final LocalDate activeTo;
    final List<RuleSlot> eventSlots = new ArrayList<>();
    final List<RuleSlot> closeSlots = new ArrayList<>();
    private final Map<String, List<RuleSlot>> slotsByEventType = new HashMap<>();
    /** The engine-wide number of this program's first track: partner states cache track selection by it. */
    private final int firstTrackNumber;

    /** Period → what each (rule slot, partner) has matched, until the period closes. */
    final TreeMap<PeriodId, PeriodGroups> groups = new TreeMap<>();
    private final Set<PeriodId> closedPeriods = new HashSet<>();
    /** {@link #isClosed} of the period asked last (events mostly come in time order); null: not known. */
    private PeriodId lastAskedPeriod;
    private boolean lastAskedClosed;
    /** Keys of the {@code once}/{@code once_per} payments made, as 128-bit hashes (see {@link IdHash} for the odds). */
    private final IdHashSet onceTaken = new IdHashSet(16);
    /** The budget's running sums across the whole program: raw and capped, in minor units. */
    long budgetRawMinor;
    long budgetCappedMinor;

    /**
     * One period's matches of each event rule (by {@link RuleSlot#number}) by partner, in arrival order; or
     * their sums, for the rules that fold.
     */
    static final class PeriodGroups {
        private final List<ByPartner<List<Match>>> matches;
        private final List<ByPartner<Fold>> folds;

        PeriodGroups(int eventSlots) {
            matches = new ArrayList<>(eventSlots);
            folds = new ArrayList<>(eventSlots);
            for (int i = 0; i < eventSlots; i++) {
                matches.add(new ByPartner<>());
                folds.add(new ByPartner<>());
            }
        }

        ByPartner<List<Match>> matches(RuleSlot slot) {
            return matches.get(slot.number());
        }

        ByPartner<Fold> folds(RuleSlot slot) {
            return folds.get(slot.number());
        }

        /** The partners with anything matched. */
        void partnersInto(java.util.Collection<String> partnerIds) {
            matches.forEach(byPartner -> byPartner.idsInto(partnerIds));
            folds.forEach(byPartner -> byPartner.idsInto(partnerIds));
        }
    }

    private Instant activeFromInstant;
    private Instant activeUntilInstant;
    private PeriodId lastPeriod;
    private Instant lastPeriodStart;
    private Instant lastPeriodEnd;
    private final Map<PeriodId, SaleLine.Claim[]> plainClaims = new HashMap<>();
    private String lastSlotsType;
    private List<RuleSlot> lastSlots;
    private PeriodId lastGroupsPeriod;
    private PeriodGroups lastGroups;

    /** @param firstTrackNumber the engine-wide number of the program's first track (see {@link ConditionViews.PartnerState}) */
    ProgramRun(Program program, int version, LocalDate activeTo, int firstTrackNumber) {
        this.program = program;
        this.version = version;
        this.firstTrackNumber = firstTrackNumber;
        this.activeFrom = program.effective().from();
        LocalDate to = program.effective().to();
        this.activeTo = activeTo != null && (to == null || activeTo.isBefore(to)) ? activeTo : to;
        List<Track> tracks = program.tracks();
        for (int t = 0; t < tracks.size(); t++) {
            List<Rule> rules = tracks.get(t).rules();
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                RuleSlot slot = new RuleSlot(t, tracks.get(t), r, rule, rule.unit() != null ? rule.unit() : program.unit(),
                        rule.onPeriodClose() ? -1 : eventSlots.size(), !rule.onPeriodClose() && folds(program, rule));
                if (rule.onPeriodClose()) {
                    closeSlots.add(slot);
                } else {
                    eventSlots.add(slot);
                    slotsByEventType.computeIfAbsent(rule.on(), k -> new ArrayList<>()).add(slot);
                }
            }
        }
    }

    /** Whether a rule's close needs only the sums of its matches ({@link Fold} says why these conditions). */
    static boolean folds(Program program, Rule rule) {
        if (program.budget() != null || program.clawback() != null) return false;
        Caps caps = rule.caps();
        if (caps.perEvent() != null || caps.perPartnerPeriod() != null || caps.perPayeePeriod() != null) return false;
        if (rule.when() != null && rule.when().readsPeriod() && !rule.when().readsOnlyPeriod()) return false;
        boolean judgedOnArrival = false;
        for (Multiplier multiplier : rule.multipliers()) {
            if (multiplier.when().readsPeriod() && !multiplier.when().readsOnlyPeriod()) return false;
            judgedOnArrival |= !multiplier.when().readsPeriod();
        }
        if (rule.amount() instanceof AmountForm.Tiered tiered && tiered.tiers().mode() == TierMode.INCREMENTAL) {
            // On a period measure each line earns the blended rate, divided per match; on the qualifying basis each
            // event's slice depends on the events before it, which only a single payee at a single factor makes moot.
            if (!Tiers.QUALIFYING.equals(tiered.tiers().measure())) return false;
            return rule.payee() == null && !judgedOnArrival;
        }
        return true;
    }

    boolean activeOn(LocalDate date) {
        return !date.isBefore(activeFrom) && (activeTo == null || !date.isAfter(activeTo));
    }

    /** {@link #activeOn} the instant's date in the program's zone, without converting the instant on every event. */
    boolean activeAt(Instant at) {
        if (activeFromInstant == null) {
            activeFromInstant = activeFrom.atStartOfDay(program.calendar().zone()).toInstant();
            activeUntilInstant = activeTo == null || activeTo.equals(LocalDate.MAX) ? Instant.MAX
                    : activeTo.plusDays(1).atStartOfDay(program.calendar().zone()).toInstant();
        }
        return !at.isBefore(activeFromInstant) && at.isBefore(activeUntilInstant);
    }

    /** The program period of an instant; the last one is kept with its bounds, since events come in time order. */
    PeriodId periodAt(Instant at) {
        if (lastPeriod == null || at.isBefore(lastPeriodStart) || !at.isBefore(lastPeriodEnd)) {
            lastPeriod = program.calendar().periodOf(at);
            lastPeriodStart = program.calendar().start(lastPeriod);
            lastPeriodEnd = program.calendar().endExclusive(lastPeriod);
        }
        return lastPeriod;
    }

    /** When the period ends (in epoch seconds): the earliest the stream can close it. */
    long endSecondOf(PeriodId period) {
        Instant end = period.equals(lastPeriod) ? lastPeriodEnd : program.calendar().endExclusive(period);
        return end.getEpochSecond();
    }

    /** The event rules on a type; the last type asked for is kept (types are pooled strings, mostly sales). */
    private List<RuleSlot> slotsFor(String eventType) {
        if (eventType != lastSlotsType) {
            lastSlots = slotsByEventType.get(eventType);
            lastSlotsType = eventType;
        }
        return lastSlots;
    }

    boolean hasRulesFor(String eventType) {
        return slotsByEventType.containsKey(eventType);
    }

    boolean selects(int trackIndex, ConditionViews.PartnerState partner) {
        Condition partners = program.tracks().get(trackIndex).partners();
        if (partners == null) return true;
        return partner.selectedBy(firstTrackNumber + trackIndex, partners);
    }

    /** Whether a track of some rule on this event type selects the partner. */
    boolean selectsAny(String eventType, ConditionViews.PartnerState partner) {
        List<RuleSlot> slots = slotsByEventType.get(eventType);
        if (slots == null) return false;
        for (RuleSlot slot : slots) if (selects(slot.trackIndex(), partner)) return true;
        return false;
    }

    /**
     * A rule the event satisfies: what it would add, as a match, or for a slot that folds, as an entry in
     * the sums (with the basis and quantity it adds).
     */
    record Candidate(RuleSlot slot, Match match, Fold.Entry entry, BigDecimal basis, BigDecimal quantity) {}

    /** {@link #candidates}' list, used again for every event: its caller is done with it before the next. */
    private final List<Candidate> scratch = new ArrayList<>(4);

    /**
     * The rules this event satisfies for its partner, in a list valid until the next call. Conditions that
     * read {@code period} are judged at close on the final measures, so here they only keep the views they will need.
     */
    List<Candidate> candidates(Event event, ConditionViews.PartnerState partner, EventViews eventViews) {
        List<RuleSlot> slots = slotsFor(event.type());
        scratch.clear();
        if (slots == null) return scratch;
        Map<String, Object> partnerView = partner.view;
        Map<String, Object> eventView = null;
        ConditionInput input = null;
        for (int s = 0; s < slots.size(); s++) {
            RuleSlot slot = slots.get(s);
            if (!selects(slot.trackIndex(), partner)) continue;
            if (input == null) {
                input = eventViews.input(program.calendar().zone());
                eventView = input.event();
            }
            Rule rule = slot.rule();
            boolean deferred = rule.when() != null && rule.when().readsPeriod();
            if (rule.when() != null && !deferred && !rule.when().test(input)) continue;
            String payee = event.partnerId();
            if (rule.payee() != null) {
                Object value = rule.payee().evaluate(input);
                if (value == null || value.toString().isBlank()) continue;
                payee = value.toString();
            }
            BigDecimal factor = BigDecimal.ONE;
            List<String> applied = List.of();
            // Views are kept for a condition judged at close that also reads the partner or the event.
            boolean keepViews = deferred && !rule.when().readsOnlyPeriod();
            List<Multiplier> multipliers = rule.multipliers();
            for (int m = 0; m < multipliers.size(); m++) {
                Multiplier multiplier = multipliers.get(m);
                if (multiplier.when().readsPeriod()) {
                    keepViews |= !multiplier.when().readsOnlyPeriod();
                } else if (multiplier.when().test(input)) {
                    factor = factor.multiply(multiplier.factor());
                    if (applied.isEmpty()) applied = new ArrayList<>(2);
                    applied.add(multiplier.name());
                }
            }
            BigDecimal basis = basisOf(rule, event);
            BigDecimal quantity = EventFields.quantity(event);
            Candidate candidate = slot.folds()
                    ? new Candidate(slot, null, Fold.Entry.of(payee, event.partnerId(), factor, applied), basis, quantity)
                    : new Candidate(slot, new Match(event.occurredAt(), event.id(), payee, basis, quantity,
                            factor, applied, keepViews ? partnerView : null, keepViews ? eventView : null, false, null, null), null, basis, quantity);
            scratch.add(candidate);
        }
        return scratch;
    }

    /** Adds a match unless a {@code once} or {@code once_per} rule has already paid this partner (and value). */
    boolean commit(Candidate candidate, Event event, int partner, PeriodId period) {
        Rule rule = candidate.slot().rule();
        if (rule.once() && !onceTaken.add(candidate.slot().key() + "|" + event.partnerId())) return false;
        if (rule.oncePer() != null) {
            Map<String, Object> eventView = ConditionViews.event(event, program.calendar().zone());
            Object value = rule.oncePer().evaluate(new ConditionInput(Map.of(), eventView, Map.of(), Map.of(), Map.of()));
            if (value != null && !onceTaken.add(candidate.slot().key() + "|" + event.partnerId() + "|" + value)) return false;
        }
        if (candidate.entry() != null) {
            fold(period, candidate.slot(), partner, event.partnerId(), candidate.entry(), event.occurredAt(), event.id(),
                    candidate.basis(), candidate.quantity(), false);
        } else {
            add(period, candidate.slot(), partner, event.partnerId(), candidate.match());
        }
        return true;
    }

    /** @param partner the partner's number ({@link ConditionViews#number}) */
    void add(PeriodId period, RuleSlot slot, int partner, String partnerId, Match match) {
        groupsOf(period).matches(slot).computeIfAbsent(partner, partnerId, ArrayList::new).add(match);
    }

    void fold(PeriodId period, RuleSlot slot, int partner, String partnerId, Fold.Entry entry, Instant at, String eventId,
              BigDecimal basis, BigDecimal quantity, boolean reversal) {
        groupsOf(period).folds(slot).computeIfAbsent(partner, partnerId, () -> new Fold(slot.rule().amount()))
                .add(entry, partnerId, at, eventId, basis, quantity, reversal);
    }

    /** The period's groups; the last period asked for is kept, since events mostly come in time order. */
    private PeriodGroups groupsOf(PeriodId period) {
        if (lastGroups == null || !period.equals(lastGroupsPeriod)) {
            lastGroups = groups.computeIfAbsent(period, p -> new PeriodGroups(eventSlots.size()));
            lastGroupsPeriod = period;
        }
        return lastGroups;
    }

    /**
     * The claim of a sale line on a rule that folds, paid to the partner with no multiplier judged on
     * arrival: the same for every such line of the period, so one is shared (a yearly program holds a year of lines).
     */
    SaleLine.Claim plainClaim(RuleSlot slot, PeriodId period) {
        SaleLine.Claim[] claims = plainClaims.computeIfAbsent(period, p -> new SaleLine.Claim[eventSlots.size()]);
        SaleLine.Claim claim = claims[slot.number()];
        if (claim == null) claims[slot.number()] = claim = new SaleLine.Claim(this, slot, period, null, Fold.Entry.PLAIN);
        return claim;
    }

    /** Lets go of a closed period's matches. */
    void dropGroups(PeriodId period) {
        plainClaims.remove(period);
        groups.remove(period);
        if (period.equals(lastGroupsPeriod)) {
            lastGroups = null;
            lastGroupsPeriod = null;
        }
    }

    boolean isClosed(PeriodId period) {
        if (period != lastAskedPeriod) {
            lastAskedClosed = closedPeriods.contains(period);
            lastAskedPeriod = period;
        }
        return lastAskedClosed;
    }

    void markClosed(PeriodId period) {
        closedPeriods.add(period);
        lastAskedPeriod = null;
    }

    private static BigDecimal basisOf(Rule rule, Event event) {
        Basis basis = switch (rule.amount()) {
            case AmountForm.RateOf rateOf -> rateOf.basis();
            case AmountForm.Tiered tiered -> tiered.basis();
            case AmountForm.Flat flat -> null;
            case AmountForm.PerUnit perUnit -> null;
        };
        if (basis instanceof Basis.EventField field) {
            Object value = event.data().get(field.field());
            if (value instanceof BigDecimal decimal) return decimal;
            if (value instanceof Long count) return BigDecimal.valueOf(count);
            return BigDecimal.ZERO;
        }
        return EventTypes.SALE.equals(event.type()) ? EventFields.amount(event, "net_amount") : BigDecimal.ZERO;
    }
}

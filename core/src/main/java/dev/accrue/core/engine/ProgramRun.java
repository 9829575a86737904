package dev.accrue.core.engine;

import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.condition.Condition;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.program.AmountForm;
import dev.accrue.core.program.Basis;
import dev.accrue.core.program.Multiplier;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.Rule;
import dev.accrue.core.program.Track;
import dev.accrue.core.time.PeriodId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
    private final List<Map<Partner.Version, Boolean>> trackSelection = new ArrayList<>();

    /** Period → (rule slot key + partner) → matches, in arrival order. */
    final TreeMap<PeriodId, Map<GroupKey, List<Match>>> groups = new TreeMap<>();
    final Set<PeriodId> closedPeriods = new HashSet<>();
    /** Keys of the {@code once}/{@code once_per} payments made, as 128-bit hashes (see {@link IdHash} for the odds). */
    private final IdHashSet onceTaken = new IdHashSet(16);
    /** The budget's running sums across the whole program: raw and capped, in minor units. */
    long budgetRawMinor;
    long budgetCappedMinor;

    record GroupKey(RuleSlot slot, String partnerId) {}

    private Instant activeFromInstant;
    private Instant activeUntilInstant;
    private PeriodId lastPeriod;
    private Instant lastPeriodStart;
    private Instant lastPeriodEnd;

    ProgramRun(Program program, int version, LocalDate activeTo) {
        this.program = program;
        this.version = version;
        this.activeFrom = program.effective().from();
        LocalDate to = program.effective().to();
        this.activeTo = activeTo != null && (to == null || activeTo.isBefore(to)) ? activeTo : to;
        List<Track> tracks = program.tracks();
        for (int t = 0; t < tracks.size(); t++) {
            trackSelection.add(new IdentityHashMap<>());
            List<Rule> rules = tracks.get(t).rules();
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                RuleSlot slot = new RuleSlot(t, tracks.get(t), r, rule, rule.unit() != null ? rule.unit() : program.unit());
                if (rule.onPeriodClose()) {
                    closeSlots.add(slot);
                } else {
                    eventSlots.add(slot);
                    slotsByEventType.computeIfAbsent(rule.on(), k -> new ArrayList<>()).add(slot);
                }
            }
        }
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

    boolean hasRulesFor(String eventType) {
        return slotsByEventType.containsKey(eventType);
    }

    boolean selects(int trackIndex, Partner.Version version, Map<String, Object> partnerView) {
        Condition partners = program.tracks().get(trackIndex).partners();
        if (partners == null) return true;
        return trackSelection.get(trackIndex).computeIfAbsent(version,
                v -> partners.test(new ConditionInput(partnerView, Map.of(), Map.of(), Map.of(), Map.of())));
    }

    /** A rule the event satisfies, with the match it would add. */
    record Candidate(RuleSlot slot, Match match) {}

    /**
     * The rules this event satisfies for its partner. Conditions that read {@code period} are judged at
     * close on the final measures, so here they only keep the views they will need.
     */
    List<Candidate> candidates(Event event, Partner.Version partnerVersion, Map<String, Object> partnerView,
                               Map<String, Object> customerView) {
        List<RuleSlot> slots = slotsByEventType.get(event.type());
        if (slots == null) return List.of();
        List<Candidate> found = new ArrayList<>(2);
        Map<String, Object> eventView = null;
        for (RuleSlot slot : slots) {
            if (!selects(slot.trackIndex(), partnerVersion, partnerView)) continue;
            if (eventView == null) eventView = ConditionViews.event(event, program.calendar().zone());
            ConditionInput input = new ConditionInput(partnerView, eventView, customerView, Map.of(), Map.of());
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
            List<String> applied = new ArrayList<>(0);
            // Views are kept for a condition judged at close that also reads the partner or the event.
            boolean keepViews = deferred && !rule.when().readsOnlyPeriod();
            for (Multiplier multiplier : rule.multipliers()) {
                if (multiplier.when().readsPeriod()) {
                    keepViews |= !multiplier.when().readsOnlyPeriod();
                } else if (multiplier.when().test(input)) {
                    factor = factor.multiply(multiplier.factor());
                    applied.add(multiplier.name());
                }
            }
            BigDecimal basis = basisOf(rule, event);
            found.add(new Candidate(slot, new Match(event.occurredAt(), event.id(), payee, basis, EventFields.quantity(event),
                    factor, applied, keepViews ? partnerView : null, keepViews ? eventView : null, false, null, null)));
        }
        return found;
    }

    /** Adds a match unless a {@code once} or {@code once_per} rule has already paid this partner (and value). */
    boolean commit(Candidate candidate, Event event, PeriodId period) {
        Rule rule = candidate.slot().rule();
        if (rule.once() && !onceTaken.add(candidate.slot().key() + "|" + event.partnerId())) return false;
        if (rule.oncePer() != null) {
            Map<String, Object> eventView = ConditionViews.event(event, program.calendar().zone());
            Object value = rule.oncePer().evaluate(new ConditionInput(Map.of(), eventView, Map.of(), Map.of(), Map.of()));
            if (value != null && !onceTaken.add(candidate.slot().key() + "|" + event.partnerId() + "|" + value)) return false;
        }
        add(period, candidate.slot(), event.partnerId(), candidate.match());
        return true;
    }

    void add(PeriodId period, RuleSlot slot, String partnerId, Match match) {
        groups.computeIfAbsent(period, p -> new HashMap<>())
                .computeIfAbsent(new GroupKey(slot, partnerId), k -> new ArrayList<>())
                .add(match);
    }

    boolean isClosed(PeriodId period) {
        return closedPeriods.contains(period);
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

package dev.accrue.core.engine;

import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.money.Money;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.program.AmountForm;
import dev.accrue.core.program.Basis;
import dev.accrue.core.program.Gate;
import dev.accrue.core.program.Multiplier;
import dev.accrue.core.program.Rule;
import dev.accrue.core.program.TierBand;
import dev.accrue.core.program.TierMode;
import dev.accrue.core.program.Tiers;
import dev.accrue.core.time.PeriodId;
import dev.accrue.core.time.ProgramCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Turns one program period's matches into earnings: period conditions and tiers judged on the final
 * measures, caps, gates, the budget, rounding, and the explanation of every line. With {@code isFinal}
 * false it computes what is booked so far (no gates yet, nothing committed).
 */
final class PeriodClose {
    private final ProgramRun run;
    private final PeriodId period;
    private final MeasureBook measures;
    private final PartnerLookup partners;
    private final ConditionViews views;
    private final boolean isFinal;
    private final ProgramCalendar calendar;
    private final Instant periodEnd;
    /** Only these partners' earnings, or null for all. */
    private final Set<String> onlyPartners;

    PeriodClose(ProgramRun run, PeriodId period, MeasureBook measures, PartnerLookup partners, ConditionViews views, boolean isFinal,
                Set<String> onlyPartners) {
        this.onlyPartners = onlyPartners;
        this.run = run;
        this.period = period;
        this.measures = measures;
        this.partners = partners;
        this.views = views;
        this.isFinal = isFinal;
        this.calendar = run.program.calendar();
        this.periodEnd = calendar.endExclusive(period);
    }

    List<Earning> close() {
        ProgramRun.PeriodGroups groups = run.groups.getOrDefault(period, new ProgramRun.PeriodGroups(run.eventSlots.size()));
        Set<String> partnerIds = new TreeSet<>();
        groups.partnersInto(partnerIds);
        if (!run.closeSlots.isEmpty()) partnerIds.addAll(measures.activePartners(calendar, period));
        if (onlyPartners != null) partnerIds.retainAll(onlyPartners);

        List<LineDraft> drafts = new ArrayList<>();
        for (String partnerId : partnerIds) {
            Partner partner = partners.find(partnerId);
            if (partner == null) continue;
            PartnerClose partnerClose = new PartnerClose(partner);
            int number = views.number(partnerId);
            for (RuleSlot slot : run.eventSlots) {
                if (slot.folds()) {
                    Fold fold = groups.folds(slot).get(number);
                    if (fold != null) drafts.addAll(partnerClose.foldedRule(slot, fold));
                } else {
                    List<Match> matches = groups.matches(slot).get(number);
                    if (matches != null) drafts.addAll(partnerClose.eventRule(slot, matches));
                }
            }
            for (RuleSlot slot : run.closeSlots) {
                LineDraft draft = partnerClose.closeRule(slot);
                if (draft != null) drafts.add(draft);
            }
        }
        drafts.forEach(LineDraft::round);
        Budget.apply(run, drafts, isFinal);
        if (isFinal) {
            for (LineDraft draft : drafts) {
                for (LineDraft.Contribution contribution : draft.contributions) {
                    if (contribution.match != null) {
                        contribution.match.finalMinor = contribution.minor;
                        contribution.match.closed = true;
                    }
                }
            }
        }
        return EarningAssembly.assemble(run, period, drafts, isFinal);
    }

    /** The close of one partner: its measures, its partner view as of the period's end, its gates. */
    private final class PartnerClose {
        final Partner partner;
        final Partner.Version version;
        final ConditionViews.PartnerState partnerState;
        final Map<String, Object> partnerView;
        /** The period's final measures, read when first asked: a rate on each event's basis needs none. */
        private PeriodMeasures finalMeasures;
        /** What conditions at close see, made when first asked: most rules judge nothing at close. */
        private ConditionInput closeInput;
        final Map<Integer, Gate> failedGates = new HashMap<>();

        PartnerClose(Partner partner) {
            this.partner = partner;
            this.version = partner.asOf(periodEnd.minusNanos(1));
            this.partnerState = views.state(partner, version);
            this.partnerView = partnerState.view;
        }

        PeriodMeasures finalMeasures() {
            if (finalMeasures == null) finalMeasures = measures.measures(calendar, partner.id(), period);
            return finalMeasures;
        }

        /** The partner as of the period's end, its period's measures and the prior period's. */
        ConditionInput closeInput() {
            if (closeInput == null) {
                closeInput = new ConditionInput(partnerView, Map.of(), Map.of(), measures.conditionValues(calendar, partner.id(), period),
                        measures.priorConditionValues(calendar, partner.id(), period));
            }
            return closeInput;
        }

        /** The first gate of the track that fails, judged once per track; none while the period is open. */
        Gate failedGate(RuleSlot slot) {
            if (!isFinal) return null;
            return failedGates.computeIfAbsent(slot.trackIndex(), t -> {
                for (Gate gate : slot.track().gates()) if (!gate.when().test(closeInput())) return gate;
                return null;
            });
        }

        ConditionInput inputAtClose(Match match) {
            Map<String, Object> partnerSeen = match.partnerView() != null ? match.partnerView() : partnerView;
            Map<String, Object> eventSeen = match.eventView() != null ? match.eventView() : Map.of();
            return new ConditionInput(partnerSeen, eventSeen, Map.of(), closeInput().period(), closeInput().prior());
        }

        List<LineDraft> eventRule(RuleSlot slot, List<Match> all) {
            Rule rule = slot.rule();
            List<Match> matches = new ArrayList<>(all.size());
            boolean deferred = rule.when() != null && rule.when().readsPeriod();
            // A condition on the period alone has one value for all the matches: judged once.
            Boolean periodOnly = deferred && rule.when().readsOnlyPeriod() ? rule.when().test(closeInput()) : null;
            for (Match match : all) {
                if (match.isFixed() || !deferred
                        || (periodOnly != null ? periodOnly : rule.when().test(inputAtClose(match)))) {
                    matches.add(match);
                }
            }
            if (matches.isEmpty()) return List.of();
            matches.sort(Match::chronological);
            BigDecimal qualifying = BigDecimal.ZERO;
            for (Match match : matches) if (!match.isFixed()) qualifying = qualifying.add(match.basis());

            LineMath math = LineMath.forRule(rule, slot, qualifying, this::finalMeasures);
            Map<String, Integer> multiplierCounts = new HashMap<>();
            List<Multiplier> multipliers = rule.multipliers();
            Boolean[] periodOnlyHolds = new Boolean[multipliers.size()];
            for (int m = 0; m < multipliers.size(); m++) {
                Condition when = multipliers.get(m).when();
                if (when.readsPeriod() && when.readsOnlyPeriod()) periodOnlyHolds[m] = when.test(closeInput());
            }
            Map<String, LineDraft> byPayee = new java.util.LinkedHashMap<>();
            CapTracker caps = new CapTracker(rule.caps(), slot.unit());
            BigDecimal cumulative = BigDecimal.ZERO;
            BigDecimal clawbackExact = BigDecimal.ZERO;
            for (Match match : matches) {
                LineDraft draft = byPayee.get(match.payee);
                if (draft == null) byPayee.put(match.payee, draft = new LineDraft(slot, partner.id(), match.payee));
                BigDecimal exact;
                if (match.isFixed()) {
                    exact = match.fixedAmount();
                    clawbackExact = clawbackExact.add(exact);
                } else {
                    BigDecimal basis = match.basis();
                    BigDecimal before = cumulative;
                    cumulative = cumulative.add(basis);
                    BigDecimal factor = match.eventFactor();
                    for (String name : match.eventMultipliers()) multiplierCounts.merge(name, 1, Integer::sum);
                    for (int m = 0; m < multipliers.size(); m++) {
                        Multiplier multiplier = multipliers.get(m);
                        if (!multiplier.when().readsPeriod()) continue;
                        boolean holds = periodOnlyHolds[m] != null ? periodOnlyHolds[m] : multiplier.when().test(inputAtClose(match));
                        if (holds) {
                            factor = factor.multiply(multiplier.factor());
                            multiplierCounts.merge(multiplier.name(), 1, Integer::sum);
                        }
                    }
                    exact = caps.perEvent(math.base(match, basis, before, cumulative).multiply(factor));
                    exact = caps.cumulative(match.payee, exact);
                }
                draft.add(match.at(), match.eventId, exact, match);
            }
            Gate gate = failedGate(slot);
            List<LineDraft> drafts = new ArrayList<>(byPayee.values());
            for (LineDraft draft : drafts) {
                BigDecimal payeeBasis = BigDecimal.ZERO;
                BigDecimal units = BigDecimal.ZERO;
                int events = 0;
                for (LineDraft.Contribution contribution : draft.contributions) {
                    if (!contribution.match.isFixed()) {
                        payeeBasis = payeeBasis.add(contribution.match.basis());
                        units = units.add(contribution.match.quantity);
                    }
                    events++;
                }
                Explanations.describeEventLine(draft, run, math, payeeBasis, units, events, multiplierCounts, caps, clawbackExact);
                if (gate != null) Explanations.voidLine(draft, gate, true);
            }
            return drafts;
        }

        /**
         * The same lines as {@link #eventRule} would give for the matches, from their sums ({@link Fold}):
         * one exact amount per payee, so the same rounded total.
         */
        List<LineDraft> foldedRule(RuleSlot slot, Fold fold) {
            Rule rule = slot.rule();
            if (rule.when() != null && rule.when().readsPeriod() && !rule.when().test(closeInput())) return List.of();
            BigDecimal qualifying = fold.qualifying();
            LineMath math = LineMath.forRule(rule, slot, qualifying, this::finalMeasures);
            BigDecimal periodFactor = BigDecimal.ONE;
            Map<String, Integer> multiplierCounts = new HashMap<>(fold.eventMultiplierCounts);
            for (Multiplier multiplier : rule.multipliers()) {
                if (multiplier.when().readsPeriod() && multiplier.when().test(closeInput())) {
                    periodFactor = periodFactor.multiply(multiplier.factor());
                    multiplierCounts.merge(multiplier.name(), fold.matches, Integer::sum);
                }
            }
            Gate gate = failedGate(slot);
            CapTracker noCaps = new CapTracker(rule.caps(), slot.unit());
            List<LineDraft> drafts = new ArrayList<>();
            for (Fold.PayeeSums sums : fold.payees()) {
                LineDraft draft = new LineDraft(slot, partner.id(), sums.payee);
                draft.add(sums.firstAt(), sums.firstId(), math.folded(sums, qualifying).multiply(periodFactor), null);
                Explanations.describeEventLine(draft, run, math, sums.basis, sums.units(), sums.matches, multiplierCounts, noCaps,
                        BigDecimal.ZERO);
                if (gate != null) Explanations.voidLine(draft, gate, true);
                drafts.add(draft);
            }
            return drafts;
        }

        LineDraft closeRule(RuleSlot slot) {
            Rule rule = slot.rule();
            if (!run.selects(slot.trackIndex(), partnerState)) return null;
            if (rule.when() != null && !rule.when().test(closeInput())) return null;
            BigDecimal basis = switch (rule.amount()) {
                case AmountForm.RateOf rateOf -> measureOf(rateOf.basis());
                case AmountForm.Tiered tiered -> measureOf(tiered.basis());
                case AmountForm.Flat flat -> BigDecimal.ONE;
                case AmountForm.PerUnit perUnit -> finalMeasures().units();
            };
            if (basis == null) return null;
            LineMath math = LineMath.forRule(rule, slot, basis, this::finalMeasures);
            BigDecimal factor = BigDecimal.ONE;
            Map<String, Integer> applied = new HashMap<>();
            for (Multiplier multiplier : rule.multipliers()) {
                if (multiplier.when().test(closeInput())) {
                    factor = factor.multiply(multiplier.factor());
                    applied.put(multiplier.name(), 1);
                }
            }
            CapTracker caps = new CapTracker(rule.caps(), slot.unit());
            BigDecimal exact = caps.cumulative(partner.id(), caps.perEvent(math.closeAmount(basis).multiply(factor)));
            LineDraft draft = new LineDraft(slot, partner.id(), partner.id());
            draft.add(periodEnd, "~period_close/" + slot.key(), exact, null);
            Explanations.describeCloseLine(draft, run, math, basis, applied, caps);
            Gate gate = failedGate(slot);
            if (gate != null) Explanations.voidLine(draft, gate, false);
            return draft;
        }

        private BigDecimal measureOf(Basis basis) {
            return switch (basis) {
                case Basis.PeriodMeasure measure -> finalMeasures().numeric(measure.measure());
                case Basis.EventField field -> null;
            };
        }
    }

    /** The rate arithmetic of one rule for one partner and period, once its qualifying basis is known. */
    record LineMath(AmountForm form, BigDecimal rate, Tiers tiers, int band, BigDecimal tierMeasure, int minorDigits) {
        static LineMath forRule(Rule rule, RuleSlot slot, BigDecimal qualifying, Supplier<PeriodMeasures> measures) {
            int digits = slot.unit().minorDigits();
            return switch (rule.amount()) {
                case AmountForm.RateOf rateOf -> new LineMath(rateOf, rateOf.rate().value(), null, -1, null, digits);
                case AmountForm.Tiered tiered -> {
                    Tiers tiers = tiered.tiers();
                    BigDecimal measure = Tiers.QUALIFYING.equals(tiers.measure()) ? qualifying : measures.get().numeric(tiers.measure());
                    if (measure == null) measure = BigDecimal.ZERO;
                    int band = Tiering.reachedBand(tiers.bands(), measure);
                    yield new LineMath(tiered, tiers.bands().get(band).rate().value(), tiers, band, measure, digits);
                }
                case AmountForm.Flat flat -> new LineMath(flat, null, null, -1, null, digits);
                case AmountForm.PerUnit perUnit -> new LineMath(perUnit, null, null, -1, null, digits);
            };
        }

        boolean incrementalOnQualifying() {
            return tiers != null && tiers.mode() == TierMode.INCREMENTAL && Tiers.QUALIFYING.equals(tiers.measure());
        }

        /** What one match (of {@code basis}) earns before multipliers and caps; {@code before}/{@code after} are the running basis. */
        BigDecimal base(Match match, BigDecimal basis, BigDecimal before, BigDecimal after) {
            return switch (form) {
                case AmountForm.RateOf rateOf -> basis.multiply(rate);
                case AmountForm.Tiered tiered -> {
                    if (tiers.mode() == TierMode.RETROACTIVE) yield basis.multiply(rate);
                    if (incrementalOnQualifying()) {
                        yield Tiering.incremental(tiers.bands(), after).subtract(Tiering.incremental(tiers.bands(), before));
                    }
                    // Incremental bands over a period measure: each line earns the blended rate of the measure.
                    yield tierMeasure.signum() == 0 ? BigDecimal.ZERO
                            : basis.multiply(Tiering.incremental(tiers.bands(), tierMeasure))
                                    .divide(tierMeasure, PeriodMeasures.RATIO);
                }
                case AmountForm.Flat flat -> match.reversal() ? BigDecimal.ZERO : flat.amount().toMajor();
                case AmountForm.PerUnit perUnit -> match.quantity.multiply(perUnit.amountPerUnit());
            };
        }

        /** What a payee's folded matches earn before multipliers judged at close: the sum of {@link #base} times factor. */
        BigDecimal folded(Fold.PayeeSums sums, BigDecimal qualifying) {
            return switch (form) {
                case AmountForm.RateOf rateOf -> sums.weightedBasis().multiply(rate);
                case AmountForm.Tiered tiered -> tiers.mode() == TierMode.RETROACTIVE ? sums.weightedBasis().multiply(rate)
                        : Tiering.incremental(tiers.bands(), qualifying); // folds only with one payee at factor one
                case AmountForm.Flat flat -> sums.weightedCount().multiply(flat.amount().toMajor());
                case AmountForm.PerUnit perUnit -> sums.weightedUnits().multiply(perUnit.amountPerUnit());
            };
        }

        /** What a period-close rule earns on its basis before multipliers and caps. */
        BigDecimal closeAmount(BigDecimal basis) {
            return switch (form) {
                case AmountForm.RateOf rateOf -> basis.multiply(rate);
                case AmountForm.Tiered tiered -> tiers.mode() == TierMode.RETROACTIVE ? basis.multiply(rate)
                        : Tiering.incremental(tiers.bands(), basis);
                case AmountForm.Flat flat -> flat.amount().toMajor();
                case AmountForm.PerUnit perUnit -> basis.multiply(perUnit.amountPerUnit());
            };
        }

        TierBand reachedBand() {
            return tiers == null ? null : tiers.bands().get(band);
        }
    }

    /** Keeps a line within its caps, cutting each event's exact amount in event order. */
    static final class CapTracker {
        private final dev.accrue.core.program.Caps caps;
        private final dev.accrue.core.money.Unit unit;
        private final Map<String, BigDecimal> rawByPayee = new HashMap<>();
        private BigDecimal rawPartner = BigDecimal.ZERO;
        BigDecimal cutPerEvent = BigDecimal.ZERO;
        BigDecimal cutPerPayee = BigDecimal.ZERO;
        BigDecimal cutPerPartner = BigDecimal.ZERO;

        /** The caps in major units, made once per line rather than once per event; null where there is no cap. */
        private final BigDecimal perEventLimit;
        private final BigDecimal perPayeeLimit;
        private final BigDecimal perPartnerLimit;

        CapTracker(dev.accrue.core.program.Caps caps, dev.accrue.core.money.Unit unit) {
            this.caps = caps;
            this.unit = unit;
            this.perEventLimit = major(caps.perEvent());
            this.perPayeeLimit = major(caps.perPayeePeriod());
            this.perPartnerLimit = major(caps.perPartnerPeriod());
        }

        private static BigDecimal major(Money cap) {
            return cap == null ? null : cap.toMajor();
        }

        BigDecimal perEvent(BigDecimal exact) {
            if (perEventLimit == null || exact.compareTo(perEventLimit) <= 0) return exact;
            cutPerEvent = cutPerEvent.add(exact.subtract(perEventLimit));
            return perEventLimit;
        }

        /** Running sums capped: each event gets the step of the capped running total, so the total never passes the cap. */
        BigDecimal cumulative(String payee, BigDecimal exact) {
            BigDecimal result = exact;
            if (perPayeeLimit != null) {
                BigDecimal before = rawByPayee.getOrDefault(payee, BigDecimal.ZERO);
                BigDecimal after = before.add(result);
                rawByPayee.put(payee, after);
                BigDecimal step = after.min(perPayeeLimit).subtract(before.min(perPayeeLimit));
                cutPerPayee = cutPerPayee.add(result.subtract(step));
                result = step;
            }
            if (perPartnerLimit != null) {
                BigDecimal before = rawPartner;
                rawPartner = rawPartner.add(result);
                BigDecimal step = rawPartner.min(perPartnerLimit).subtract(before.min(perPartnerLimit));
                cutPerPartner = cutPerPartner.add(result.subtract(step));
                result = step;
            }
            return result;
        }

        List<LineExplanation.CapCut> cuts() {
            List<LineExplanation.CapCut> cuts = new ArrayList<>();
            if (cutPerEvent.signum() != 0) cuts.add(new LineExplanation.CapCut("per_event", caps.perEvent(), Money.ofMajorRounded(cutPerEvent, unit)));
            if (cutPerPayee.signum() != 0) cuts.add(new LineExplanation.CapCut("per_payee_period", caps.perPayeePeriod(), Money.ofMajorRounded(cutPerPayee, unit)));
            if (cutPerPartner.signum() != 0) cuts.add(new LineExplanation.CapCut("per_partner_period", caps.perPartnerPeriod(), Money.ofMajorRounded(cutPerPartner, unit)));
            return cuts;
        }
    }
}

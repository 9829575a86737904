package dev.accrue.core.engine;

import dev.accrue.core.money.Money;
import dev.accrue.core.program.AmountForm;
import dev.accrue.core.program.Gate;
import dev.accrue.core.program.Multiplier;
import dev.accrue.core.program.TierBand;
import dev.accrue.core.program.TierMode;
import dev.accrue.core.program.Tiers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every line's reason, in structure ({@link LineExplanation}) and in words, e.g.
 * {@code 2% (gold: qualifying 135,000.00 ≥ 100,000) × 1.25 (mix bonus: period.mix['pumps'] >= 0.30) on 135,000.00 = 3,375.00}.
 */
final class Explanations {
    private Explanations() {}

    static void describeEventLine(LineDraft draft, ProgramRun run, PeriodClose.LineMath math, BigDecimal basis, BigDecimal units, int events,
                                  Map<String, Integer> multiplierCounts, PeriodClose.CapTracker caps, BigDecimal clawbackExact) {
        int digits = draft.unit.minorDigits();
        List<LineExplanation.AppliedMultiplier> applied = applied(draft.slot.rule().multipliers(), multiplierCounts);
        StringBuilder why = new StringBuilder();
        switch (math.form()) {
            case AmountForm.RateOf rateOf -> why.append(rateOf.rate().display()).append(multipliersText(applied))
                    .append(" on ").append(Amounts.display(basis, digits));
            case AmountForm.Tiered tiered -> {
                if (math.tiers().mode() == TierMode.RETROACTIVE) {
                    why.append(math.reachedBand().rate().display()).append(" (").append(tierText(math)).append(")")
                            .append(multipliersText(applied)).append(" on ").append(Amounts.display(basis, digits));
                } else {
                    why.append("incremental bands on ").append(math.tiers().measure()).append(' ')
                            .append(Amounts.display(math.tierMeasure(), digits)).append(": ")
                            .append(Tiering.describeIncremental(math.tiers().bands(), math.tierMeasure(), digits))
                            .append(" (reached ").append(math.reachedBand().label()).append(")").append(multipliersText(applied));
                }
            }
            case AmountForm.Flat flat -> why.append(events).append(" × ").append(Amounts.display(flat.amount().toMajor(), digits))
                    .append(" flat").append(multipliersText(applied));
            case AmountForm.PerUnit perUnit -> why.append(Amounts.display(perUnit.amountPerUnit(), digits)).append(" per unit × ")
                    .append(Amounts.threshold(units)).append(" units").append(multipliersText(applied));
        }
        Money clawback = clawbackExact.signum() == 0 ? null : Money.ofMajorRounded(clawbackExact, draft.unit);
        draft.whyPrefix = why.toString();
        draft.tierBand = math.reachedBand() == null ? null : math.reachedBand().name();
        draft.explanation = new LineExplanation(run.program.id().value(), run.version, basisSource(math.form()), basis, events,
                tierReached(math), rateText(math), applied, caps.cuts(), null, null, null, clawback);
    }

    static void describeCloseLine(LineDraft draft, ProgramRun run, PeriodClose.LineMath math, BigDecimal basis,
                                  Map<String, Integer> applied, PeriodClose.CapTracker caps) {
        int digits = draft.unit.minorDigits();
        List<LineExplanation.AppliedMultiplier> multipliers = applied(draft.slot.rule().multipliers(), applied);
        StringBuilder why = new StringBuilder();
        switch (math.form()) {
            case AmountForm.RateOf rateOf -> why.append(rateOf.rate().display()).append(multipliersText(multipliers))
                    .append(" on ").append(basisSource(math.form())).append(' ').append(Amounts.display(basis, digits));
            case AmountForm.Tiered tiered -> why.append(math.reachedBand().rate().display()).append(" (").append(tierText(math)).append(")")
                    .append(multipliersText(multipliers)).append(" on ").append(Amounts.display(basis, digits));
            case AmountForm.Flat flat -> why.append(Amounts.display(flat.amount().toMajor(), digits)).append(" flat at close")
                    .append(multipliersText(multipliers));
            case AmountForm.PerUnit perUnit -> why.append(Amounts.display(perUnit.amountPerUnit(), digits)).append(" per unit × ")
                    .append(Amounts.threshold(basis)).append(" units").append(multipliersText(multipliers));
        }
        if (draft.slot.rule().when() != null) why.append(" (").append(draft.slot.rule().when().source()).append(")");
        draft.whyPrefix = why.toString();
        draft.tierBand = math.reachedBand() == null ? null : math.reachedBand().name();
        draft.explanation = new LineExplanation(run.program.id().value(), run.version, basisSource(math.form()), basis, 1,
                tierReached(math), rateText(math), multipliers, caps.cuts(), null, null, null, null);
    }

    /** Marks a line voided by a failed gate; its amount becomes zero at rounding. */
    static void voidLine(LineDraft draft, Gate gate, boolean eventLine) {
        draft.voidedBy = gate.name();
    }

    /** The finished reason: the arithmetic, then what caps, budget and gates did, then the amount. */
    static String render(LineDraft draft, Money amount, Money wouldBe) {
        int digits = draft.unit.minorDigits();
        StringBuilder why = new StringBuilder(draft.whyPrefix);
        for (LineExplanation.CapCut cut : draft.explanation.capCuts()) {
            why.append(", capped at ").append(Amounts.display(cut.limit().toMajor(), digits)).append(' ')
                    .append(cut.cap().replace('_', ' ')).append(" (−").append(Amounts.display(cut.cut().toMajor(), digits)).append(")");
        }
        if (draft.explanation.clawback() != null) {
            why.append(", clawback ").append(Amounts.display(draft.explanation.clawback().toMajor(), digits));
        }
        if (draft.budgetCutMinor != 0) {
            why.append(", cut by the program budget (−")
                    .append(Amounts.display(new Money(draft.budgetCutMinor, draft.unit).toMajor(), digits)).append(")");
        }
        if (draft.voidedBy != null) {
            Gate gate = gate(draft);
            why.append(" = ").append(Amounts.display(wouldBe.toMajor(), digits)).append("; voided: gate ").append(draft.voidedBy)
                    .append(" failed (").append(gate == null ? "" : gate.when().source()).append(")");
            return why.toString();
        }
        return why.append(" = ").append(Amounts.display(amount.toMajor(), digits)).toString();
    }

    static Gate gate(LineDraft draft) {
        for (Gate gate : draft.slot.track().gates()) if (gate.name().equals(draft.voidedBy)) return gate;
        return null;
    }

    private static List<LineExplanation.AppliedMultiplier> applied(List<Multiplier> multipliers, Map<String, Integer> counts) {
        List<LineExplanation.AppliedMultiplier> applied = new ArrayList<>();
        for (Multiplier multiplier : multipliers) {
            Integer count = counts.get(multiplier.name());
            if (count != null) {
                applied.add(new LineExplanation.AppliedMultiplier(multiplier.name(), multiplier.when().source(), multiplier.factor(), count));
            }
        }
        return applied;
    }

    private static String multipliersText(List<LineExplanation.AppliedMultiplier> applied) {
        StringBuilder text = new StringBuilder();
        for (LineExplanation.AppliedMultiplier multiplier : applied) {
            text.append(" × ").append(multiplier.factor().stripTrailingZeros().toPlainString()).append(" (").append(multiplier.name())
                    .append(": ").append(multiplier.condition()).append(")");
        }
        return text.toString();
    }

    private static String tierText(PeriodClose.LineMath math) {
        TierBand band = math.reachedBand();
        String measure = math.tiers().measure();
        return band.label() + ": " + measure + " " + Amounts.display(math.tierMeasure(), math.minorDigits())
                + " ≥ " + Amounts.threshold(band.from());
    }

    private static LineExplanation.TierReached tierReached(PeriodClose.LineMath math) {
        if (math.tiers() == null) return null;
        TierBand band = math.reachedBand();
        return new LineExplanation.TierReached(band.name(), math.tiers().measure(), math.tierMeasure(), band.from(),
                math.tiers().mode().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String rateText(PeriodClose.LineMath math) {
        return math.rate() == null ? null : new dev.accrue.core.money.Rate(math.rate()).display();
    }

    private static String basisSource(AmountForm form) {
        return switch (form) {
            case AmountForm.RateOf rateOf -> rateOf.basis().source();
            case AmountForm.Tiered tiered -> tiered.basis().source();
            case AmountForm.Flat flat -> null;
            case AmountForm.PerUnit perUnit -> "quantity";
        };
    }

    static boolean isQualifying(Tiers tiers) {
        return Tiers.QUALIFYING.equals(tiers.measure());
    }
}

package dev.accrue.core.engine;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.time.PeriodId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups finished lines into earnings: one per partner, payee and unit. */
final class EarningAssembly {
    private EarningAssembly() {}

    private record Key(String partner, String payee, Unit unit) {}

    static List<Earning> assemble(ProgramRun run, PeriodId period, List<LineDraft> drafts, boolean closed) {
        Map<Key, List<LineDraft>> grouped = new LinkedHashMap<>();
        for (LineDraft draft : drafts) {
            grouped.computeIfAbsent(new Key(draft.partnerId, draft.payee, draft.unit), k -> new ArrayList<>()).add(draft);
        }
        List<Earning> earnings = new ArrayList<>(grouped.size());
        grouped.forEach((key, lines) -> {
            Money amount = Money.zero(key.unit());
            String tier = null;
            String voidedBy = null;
            List<EarningLine> earningLines = new ArrayList<>(lines.size());
            for (LineDraft draft : lines) {
                Money lineAmount = draft.total();
                Money wouldBe = draft.voidedBy == null ? null : Money.ofMajorRounded(draft.exactTotal(), draft.unit);
                Money budgetCut = draft.budgetCutMinor == 0 ? null : new Money(draft.budgetCutMinor, draft.unit);
                LineExplanation base = draft.explanation;
                LineExplanation explanation = new LineExplanation(base.programId(), base.programVersion(), base.basisSource(),
                        base.basis(), base.events(), base.tier(), base.rate(), base.multipliers(), base.capCuts(), budgetCut,
                        draft.voidedBy == null ? null : gateFailure(draft), wouldBe, base.clawback());
                earningLines.add(new EarningLine(draft.slot.track().name(), draft.slot.rule().name(), lineAmount,
                        Explanations.render(draft, lineAmount, wouldBe), explanation));
                amount = amount.plus(lineAmount);
                if (tier == null) tier = draft.tierBand;
                if (voidedBy == null) voidedBy = draft.voidedBy;
            }
            earnings.add(new Earning(run.program.id(), run.version, key.partner(), key.payee(), period, amount, tier, voidedBy,
                    closed, earningLines));
        });
        return earnings;
    }

    private static LineExplanation.GateFailure gateFailure(LineDraft draft) {
        var gate = Explanations.gate(draft);
        return new LineExplanation.GateFailure(draft.voidedBy, gate == null ? null : gate.when().source());
    }
}

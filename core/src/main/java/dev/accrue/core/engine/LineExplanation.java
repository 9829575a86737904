package dev.accrue.core.engine;

import dev.accrue.core.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Why a line has its amount, in structure: every input the amount depends on. Fields that do not apply
 * are null (or empty lists).
 *
 * @param basisSource      what the rate applied to ({@code net_amount}, {@code period.net_sales}), or null
 * @param basis            the basis total (net of same-period returns), or null
 * @param events           how many events contributed (sales, returns, clawbacks)
 * @param tier             the band reached, its measure, the measure's value and the band's threshold
 * @param rate             the rate applied (tier or rule rate), or null for flat and per-unit rules
 * @param multipliers      the multipliers that applied
 * @param capCuts          the caps that cut the line, with how much each removed
 * @param budgetCut        how much the program budget removed, or null
 * @param voidedBy         the gate that failed, with its condition, or null
 * @param wouldBe          the amount before the gate voided it, or null
 * @param clawback         how much of the line reverses earlier closed earnings (negative), or null
 */
public record LineExplanation(
        String programId,
        int programVersion,
        String basisSource,
        BigDecimal basis,
        int events,
        TierReached tier,
        String rate,
        List<AppliedMultiplier> multipliers,
        List<CapCut> capCuts,
        Money budgetCut,
        GateFailure voidedBy,
        Money wouldBe,
        Money clawback) {
    public LineExplanation {
        multipliers = List.copyOf(multipliers);
        capCuts = List.copyOf(capCuts);
    }

    public record TierReached(String band, String measure, BigDecimal measureValue, BigDecimal from, String mode) {}

    /** {@code events}: how many of the line's events it applied to (period conditions apply to all or none). */
    public record AppliedMultiplier(String name, String condition, BigDecimal factor, int events) {}

    public record CapCut(String cap, Money limit, Money cut) {}

    public record GateFailure(String gate, String condition) {}
}

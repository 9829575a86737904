package dev.accrue.core.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import dev.accrue.core.time.PeriodKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the parser builds from the examples, field by field. */
class ParsedModelTest {
    private static final Unit USD = Unit.of("USD");

    private static Program example(String file) throws IOException {
        ParseResult result = ProgramParser.parse(Files.readString(ExampleProgramsTest.EXAMPLES.resolve(file)), file);
        assertThat(result.errors()).isEmpty();
        return result.program();
    }

    private static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    @Test
    void theDistributorRebateHasItsHeaderAndSettings() throws IOException {
        Program program = example("distributor-growth-rebate.yaml");
        assertThat(program.id()).isEqualTo(new ProgramId("distributor-growth-2026"));
        assertThat(program.kind()).isEqualTo(ProgramKind.REBATE);
        assertThat(program.unit()).isEqualTo(USD);
        assertThat(program.calendar().periodKind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(program.calendar().zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(program.effective()).isEqualTo(new Effective(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(program.budget()).isEqualTo(usd("2000000.00"));
        assertThat(program.stacking()).isEqualTo(new Stacking("volume-rebates", 1));
        assertThat(program.claims()).isEqualTo(new Claims(false, 0, List.of()));
        assertThat(program.approval()).containsExactly(new ApprovalStep("channel_manager", usd("5000")), new ApprovalStep("finance", null));
        assertThat(program.payout()).isEqualTo(new Payout("quarterly", usd("100"), "credit_note", 0));
        assertThat(program.clawback()).isEqualTo(new Clawback("return", 90));
    }

    @Test
    void theDistributorRebateHasRetroactiveTiersAMixMultiplierAndAGrowthKicker() throws IOException {
        Track track = example("distributor-growth-rebate.yaml").tracks().getFirst();
        assertThat(track.gates()).extracting(Gate::name).containsExactly("MAP compliance", "payment terms", "returns under 5%");
        assertThat(track.gates().get(2).when().readsPeriod()).isTrue();

        Rule base = track.rules().get(0);
        assertThat(base.on()).isEqualTo("sale");
        AmountForm.Tiered tiered = (AmountForm.Tiered) base.amount();
        assertThat(tiered.basis()).isEqualTo(new Basis.EventField("net_amount"));
        assertThat(tiered.tiers().measure()).isEqualTo(Tiers.QUALIFYING);
        assertThat(tiered.tiers().mode()).isEqualTo(TierMode.RETROACTIVE);
        assertThat(tiered.tiers().bands()).extracting(TierBand::name, band -> band.from().intValueExact(), TierBand::rate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("silver", 0, new Rate(new BigDecimal("0.01"))),
                        org.assertj.core.groups.Tuple.tuple("gold", 100000, new Rate(new BigDecimal("0.02"))),
                        org.assertj.core.groups.Tuple.tuple("platinum", 250000, new Rate(new BigDecimal("0.03"))));
        assertThat(tiered.tiers().bands().get(2).benefits()).containsExactly("priority_support", "early_access");
        assertThat(base.multipliers()).singleElement().satisfies(multiplier -> {
            assertThat(multiplier.factor()).isEqualByComparingTo("1.25");
            assertThat(multiplier.when().readsPeriod()).isTrue();
        });
        assertThat(base.caps()).isEqualTo(new Caps(null, usd("50000"), null));
        assertThat(base.unit()).isEqualTo(USD);

        Rule kicker = track.rules().get(1);
        assertThat(kicker.onPeriodClose()).isTrue();
        assertThat(kicker.amount()).isEqualTo(new AmountForm.RateOf(new Basis.PeriodMeasure("net_sales"), new Rate(new BigDecimal("0.005"))));
    }

    @Test
    void theCompiledConditionsOfAParsedProgramEvaluate() throws IOException {
        Rule base = example("distributor-growth-rebate.yaml").tracks().getFirst().rules().getFirst();
        ConditionInput pumps = new ConditionInput(Map.of(), Map.of("product_family", "pumps"), Map.of(), Map.of(), Map.of());
        ConditionInput parts = new ConditionInput(Map.of(), Map.of("product_family", "parts"), Map.of(), Map.of(), Map.of());
        assertThat(base.when().test(pumps)).isTrue();
        assertThat(base.when().test(parts)).isFalse();
    }

    @Test
    void theLoyaltyProgramPaysPointsWithBareRatesAboveOneAndKeepsItsCatalog() throws IOException {
        Program program = example("service-loyalty-points.yaml");
        Unit points = Unit.of("points");
        assertThat(program.unit()).isEqualTo(points);
        Rule serial = program.tracks().getFirst().rules().getFirst();
        assertThat(serial.amount()).isEqualTo(new AmountForm.Flat(new Money(100, points)));
        assertThat(serial.oncePer().source()).isEqualTo("event.serial_number");
        AmountForm.Tiered parts = (AmountForm.Tiered) program.tracks().getFirst().rules().get(4).amount();
        assertThat(parts.tiers().bands()).extracting(band -> band.rate().value().toPlainString()).containsExactly("1", "1.5", "2");
        assertThat(program.extensions()).containsKey("redemption");
        Map<?, ?> redemption = (Map<?, ?>) program.extensions().get("redemption");
        assertThat((List<?>) redemption.get("catalog")).first()
                .isEqualTo(Map.of("benefit", "engineering_support_hour", "cost", new Money(2000, points)));
    }

    @Test
    void theMdfTrackKeepsItsFundWithTypedValues() throws IOException {
        Program program = example("mdf-fund.yaml");
        Track track = program.tracks().getFirst();
        assertThat(track.rules()).isEmpty();
        Unit eur = Unit.of("EUR");
        assertThat(track.fund()).containsEntry("preapproval", true).containsEntry("expires", "period_end_plus_60_days");
        assertThat(track.fund().get("allocate"))
                .isEqualTo(Map.of("basis", "prior.net_sales", "rate", new Rate(new BigDecimal("0.02")), "max", Money.parse("20000.00", eur)));
        assertThat(track.fund().get("reimburse"))
                .isEqualTo(Map.of("share", new Rate(new BigDecimal("0.50")), "proof", List.of("invoice", "proof_of_performance")));
        assertThat(program.claims()).isEqualTo(new Claims(true, 60, List.of("invoice", "proof_of_performance")));
    }

    @Test
    void theCoopProgramSplitsByPositionBasedAttribution() throws IOException {
        Program program = example("coop-campaigns.yaml");
        assertThat(program.attribution()).isEqualTo(new Attribution("position_based", 30, new BigDecimal("0.40"), new BigDecimal("0.40"), 0, "campaign.touch"));
        assertThat(program.tracks().getFirst().rules().getFirst().splitByAttribution()).isTrue();
    }

    @Test
    void anIntegrationRuleCanPayInASecondUnitOnce() throws IOException {
        Rule credits = example("integration-milestones.yaml").tracks().getFirst().rules().get(4);
        Unit supportCredits = Unit.of("support_credits");
        assertThat(credits.unit()).isEqualTo(supportCredits);
        assertThat(credits.amount()).isEqualTo(new AmountForm.Flat(new Money(20, supportCredits)));
        assertThat(credits.once()).isTrue();
    }

    @Test
    void theSpifPaysTheRepNamedOnTheSale() throws IOException {
        Rule perPump = example("spif-q4-pumps.yaml").tracks().getFirst().rules().getFirst();
        assertThat(perPump.payee().source()).isEqualTo("event.rep_id");
        assertThat(perPump.amount()).isEqualTo(new AmountForm.PerUnit(new BigDecimal("25.00")));
        assertThat(perPump.caps().perPayeePeriod()).isEqualTo(usd("2500"));
    }

    @Test
    void theDealRegistrationProgramKeepsItsRegistrationBlock() throws IOException {
        Program program = example("deal-registration.yaml");
        assertThat(program.extensions().get("registration"))
                .isEqualTo(Map.of("valid_days", 90L, "conflict", "first_approved", "match", List.of("customer_id", "product_family")));
    }
}

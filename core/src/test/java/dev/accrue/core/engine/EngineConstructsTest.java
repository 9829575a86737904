package dev.accrue.core.engine;

import static dev.accrue.core.engine.EngineFixture.amount;
import static dev.accrue.core.engine.EngineFixture.earning;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One behaviour per test, figures worked by hand in the comments. */
class EngineConstructsTest {
    private static final String HEADER = """
            name: Test
            kind: rebate
            currency: USD
            calendar: {period: month, timezone: UTC}
            effective: {from: 2026-01-01}
            """;

    private static final String GATED = "program: gated\n" + HEADER + """
            tracks:
              - name: all
                gates:
                  - {name: MAP compliance, when: partner.map_compliant}
                rules:
                  - {name: rebate, on: sale, basis: net_amount, rate: 10%}
            """;

    @Test
    void incrementalBandsPayEachSliceAtItsOwnRate() {
        var fixture = new EngineFixture().partner("d1", "dealer").program("program: inc\n" + HEADER + """
                tracks:
                  - name: dealers
                    rules:
                      - name: sell-through
                        on: sale
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: incremental
                          bands:
                            - {from: 0,     rate: 0%}
                            - {from: 10000, rate: 2%}
                            - {from: 50000, rate: 4%}
                """);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "30000.00")
                .sale("s2", "2026-01-20T10:00:00Z", "d1", "pumps", "30000.00");
        // 0% of 10,000 + 2% of 40,000 + 4% of 10,000 = 0 + 800 + 400 = 1,200.00
        var result = fixture.run("2026-01-31");
        assertThat(amount(result, "d1", "2026-01")).isEqualTo("1200.00");
        assertThat(earning(result, "d1", "2026-01").lines().get(0).why())
                .isEqualTo("incremental bands on qualifying 60,000.00: 0% of 10,000.00 + 2% of 40,000.00 + 4% of 10,000.00 (reached from 50000) = 1,200.00");
    }

    @Test
    void retroactiveTierAppliesTheReachedRateToTheWholePeriod() {
        var fixture = new EngineFixture().partner("d1", "dealer").program("program: retro\n" + HEADER + """
                tracks:
                  - name: dealers
                    rules:
                      - name: rebate
                        on: sale
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: retroactive
                          bands:
                            - {name: base, from: 0,     rate: 1%}
                            - {name: top,  from: 50000, rate: 3%}
                """);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "30000.00")
                .sale("s2", "2026-01-20T10:00:00Z", "d1", "pumps", "30000.00");
        // 60,000 reaches top: 3% of the whole 60,000 = 1,800.00
        var result = fixture.run("2026-01-31");
        assertThat(amount(result, "d1", "2026-01")).isEqualTo("1800.00");
        assertThat(earning(result, "d1", "2026-01").tier()).isEqualTo("top");
    }

    @Test
    void perUnitEarningsStopAtThePartnerPeriodCap() {
        var fixture = new EngineFixture().partner("i1", "integrator").program("program: installs\n" + HEADER + """
                tracks:
                  - name: integrators
                    rules:
                      - name: install
                        on: sale
                        per_unit: 40.00
                        caps: {per_partner_period: 4000}
                """);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "i1", "pumps", "1000.00", "quantity", 70)
                .sale("s2", "2026-01-06T10:00:00Z", "i1", "pumps", "1000.00", "quantity", 50);
        // 120 units × 40.00 = 4,800.00, capped at 4,000.00
        var result = fixture.run("2026-01-31");
        assertThat(amount(result, "i1", "2026-01")).isEqualTo("4000.00");
        assertThat(earning(result, "i1", "2026-01").lines().get(0).explanation().capCuts()).hasSize(1);
    }

    @Test
    void aSpifPaysTheRepNamedOnTheSaleUpToThePayeeCap() {
        var fixture = new EngineFixture().partner("r1", "reseller").program("program: spif\n" + HEADER.replace("rebate", "spif") + """
                tracks:
                  - name: reps
                    rules:
                      - name: per pump
                        on: sale
                        when: event.sku.startsWith('PMP-') && event.quantity > 0
                        payee: event.rep_id
                        per_unit: 25.00
                        caps: {per_payee_period: 2500}
                """);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "r1", "pumps", "9000.00", "sku", "PMP-1", "quantity", 120, "rep_id", "rep-ann")
                .sale("s2", "2026-01-06T10:00:00Z", "r1", "pumps", "900.00", "sku", "PMP-1", "quantity", 10, "rep_id", "rep-bob")
                .sale("s3", "2026-01-07T10:00:00Z", "r1", "valves", "900.00", "sku", "VLV-1", "quantity", 10, "rep_id", "rep-bob");
        // ann: 120 × 25 = 3,000 capped at 2,500; bob: 10 × 25 = 250 (the valve line does not match)
        var result = fixture.run("2026-01-31");
        assertThat(amount(result, "rep-ann", "2026-01")).isEqualTo("2500.00");
        assertThat(amount(result, "rep-bob", "2026-01")).isEqualTo("250.00");
        assertThat(earning(result, "rep-bob", "2026-01").partner()).isEqualTo("r1");
    }

    @Test
    void theBudgetIsSpentInEventOrderAcrossPartners() {
        var fixture = new EngineFixture().partner("a", "dealer").partner("b", "dealer").program("program: budgeted\n" + HEADER + """
                budget: {total: 1000.00}
                tracks:
                  - name: all
                    rules:
                      - {name: flat bonus, on: sale, flat: 600.00}
                """);
        fixture.sale("s2", "2026-01-06T10:00:00Z", "b", "pumps", "1.00")
                .sale("s1", "2026-01-05T10:00:00Z", "a", "pumps", "1.00");
        // a sold first: 600.00; b gets the 400.00 left
        var result = fixture.run("2026-01-31");
        assertThat(amount(result, "a", "2026-01")).isEqualTo("600.00");
        assertThat(amount(result, "b", "2026-01")).isEqualTo("400.00");
        assertThat(earning(result, "b", "2026-01").lines().get(0).why()).contains("cut by the program budget (−200.00)");
    }

    @Test
    void onceRulesPayOnceAndNonCashUnitsEarnTheirOwnBalance() {
        var fixture = new EngineFixture().partner("t1", "technology").program("program: integ\n" + HEADER.replace("rebate", "integration") + """
                tracks:
                  - name: tech
                    rules:
                      - {name: certified, on: integration.milestone, when: "event.milestone == 'certified'", flat: 2000.00, once: true}
                      - {name: credits, on: integration.milestone, when: "event.milestone == 'certified'", unit: support_credits, flat: 20, once: true}
                """);
        fixture.event("m1", "integration.milestone", "2026-01-05T10:00:00Z", "t1", "milestone", "certified")
                .event("m2", "integration.milestone", "2026-02-05T10:00:00Z", "t1", "milestone", "certified");
        var result = fixture.run("2026-02-28");
        var january = result.earnings().stream().filter(e -> e.period().toString().equals("2026-01")).toList();
        assertThat(january).extracting(e -> e.amount().toString()).containsExactlyInAnyOrder("2000.00 USD", "20 support_credits");
        assertThat(result.earnings().stream().filter(e -> e.period().toString().equals("2026-02"))).isEmpty();
    }

    @Test
    void oncePerPaysOncePerSerialNumber() {
        var fixture = new EngineFixture().partner("o1", "end_customer").program("program: loyal\n" + """
                name: Loyalty
                kind: loyalty
                unit: points
                calendar: {period: year, timezone: UTC}
                effective: {from: 2026-01-01}
                tracks:
                  - name: owners
                    rules:
                      - {name: serial registration, on: serial.registered, flat: 100, once_per: event.serial_number}
                """);
        fixture.event("e1", "serial.registered", "2026-01-05T10:00:00Z", "o1", "serial_number", "SN-1")
                .event("e2", "serial.registered", "2026-02-05T10:00:00Z", "o1", "serial_number", "SN-1")
                .event("e3", "serial.registered", "2026-03-05T10:00:00Z", "o1", "serial_number", "SN-2");
        assertThat(amount(fixture.run("2026-12-31"), "o1", "2026")).isEqualTo("200");
    }

    @Test
    void inAStackingGroupOnlyTheLowestPriorityProgramCountsALine() {
        String rule = """
                tracks:
                  - name: all
                    rules:
                      - {name: rebate, on: sale, basis: net_amount, rate: 10%}
                """;
        var fixture = new EngineFixture().partner("d1", "dealer")
                .program("program: first\n" + HEADER + "stacking: {group: g, priority: 1}\n" + rule)
                .program("program: second\n" + HEADER + "stacking: {group: g, priority: 2}\n" + rule);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "1000.00");
        var result = fixture.run("2026-01-31");
        assertThat(result.earnings()).extracting(e -> e.program().value() + "=" + e.amount().toDecimalString())
                .containsExactly("first=100.00");
    }

    @Test
    void aReturnAfterCloseWithinTheWindowReversesAtTheOriginalRate() {
        var fixture = new EngineFixture().partner("d1", "dealer").program("program: claw\n" + HEADER + """
                clawback: {on: return, within_days: 90}
                tracks:
                  - name: all
                    rules:
                      - {name: rebate, on: sale, basis: net_amount, rate: 10%}
                """);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "1000.00")
                .event("r1", "return", "2026-02-10T10:00:00Z", "d1", "original_line_id", "L-s1", "net_amount", "250.00", "quantity", 1)
                .event("r2", "return", "2026-05-10T10:00:00Z", "d1", "original_line_id", "L-s1", "net_amount", "250.00", "quantity", 1);
        // January earns 100.00. February: a quarter returned → −25.00. May is past 90 days: nothing.
        var result = fixture.run("2026-05-31");
        assertThat(amount(result, "d1", "2026-01")).isEqualTo("100.00");
        assertThat(amount(result, "d1", "2026-02")).isEqualTo("-25.00");
        assertThat(amount(result, "d1", "2026-05")).isEqualTo("none");
    }

    @Test
    void aRefundOfAPaymentReducesItsOpenPeriodAndAfterCloseReversesAtTheOriginalRateWithinTheWindow() {
        var fixture = new EngineFixture().partner("a1", "affiliate").program("program: share\n" + HEADER + """
                clawback: {on: refund, within_days: 60}
                tracks:
                  - name: all
                    rules:
                      - {name: revenue share, on: payment, basis: amount, rate: 20%}
                """);
        fixture.event("p1", "payment", "2026-01-05T10:00:00Z", "a1", "customer_id", "c1", "amount", "500.00", "invoice", "INV-1")
                .event("p2", "payment", "2026-01-06T10:00:00Z", "a1", "customer_id", "c1", "amount", "300.00", "invoice", "INV-2")
                .event("f1", "refund", "2026-01-20T10:00:00Z", "a1", "customer_id", "c1", "amount", "100.00", "invoice", "INV-1")
                .event("f2", "refund", "2026-02-10T10:00:00Z", "a1", "customer_id", "c1", "amount", "150.00", "invoice", "INV-2")
                .event("f3", "refund", "2026-04-10T10:00:00Z", "a1", "customer_id", "c1", "amount", "100.00", "invoice", "INV-1");
        // January: 20% of (500 − 100 + 300) = 140.00. February: half of INV-2's 60.00 earned → −30.00. April is past 60 days: nothing.
        var result = fixture.run("2026-04-30");
        assertThat(amount(result, "a1", "2026-01")).isEqualTo("140.00");
        assertThat(amount(result, "a1", "2026-02")).isEqualTo("-30.00");
        assertThat(amount(result, "a1", "2026-04")).isEqualTo("none");
    }

    @Test
    void aFailedGateVoidsThePeriodAndSaysWhichGate() {
        var fixture = new EngineFixture().partner("d1", "dealer", Map.of("map_compliant", false)).program(GATED);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "1000.00");
        Earning earning = earning(fixture.run("2026-01-31"), "d1", "2026-01");
        assertThat(earning.amount().toDecimalString()).isEqualTo("0.00");
        assertThat(earning.voidedBy()).isEqualTo("MAP compliance");
        assertThat(earning.lines().get(0).explanation().wouldBe().toDecimalString()).isEqualTo("100.00");
    }

    @Test
    void anOpenPeriodShowsWhatIsBookedSoFarWithoutJudgingGates() {
        var fixture = new EngineFixture().partner("d1", "dealer", Map.of("map_compliant", false)).program(GATED);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "1000.00");
        Earning earning = earning(fixture.run("2025-12-31"), "d1", "2026-01");
        assertThat(earning.closed()).isFalse();
        assertThat(earning.amount().toDecimalString()).isEqualTo("100.00");
    }

    @Test
    void growthIsAbsentWithoutLastYearSoTheKickerDoesNotPay() {
        var fixture = new EngineFixture().partner("d1", "dealer").program("program: growth\n" + HEADER + """
                tracks:
                  - name: all
                    rules:
                      - {name: kicker, on: period_close, when: period.growth >= 0.10, basis: period.net_sales, rate: 1%}
                """);
        fixture.sale("s1", "2026-01-05T10:00:00Z", "d1", "pumps", "1000.00");
        assertThat(fixture.run("2026-01-31").earnings()).isEmpty();
        fixture.sale("s0", "2025-01-05T10:00:00Z", "d1", "pumps", "500.00");
        // growth = 1,000 / 500 − 1 = 1.0 ≥ 0.10 → 1% of 1,000.00 = 10.00
        assertThat(amount(fixture.run("2026-01-31"), "d1", "2026-01")).isEqualTo("10.00");
    }

    @Test
    void aCoopConversionIsSharedByPositionAndTheSharesSumToTheWhole() {
        var fixture = new EngineFixture().partner("p1", "agency").partner("p2", "agency").partner("p3", "agency")
                .program("program: coop\n" + HEADER.replace("rebate", "coop") + """
                attribution: {model: position_based, first: 40%, last: 40%, lookback_days: 30, touch: campaign.touch}
                tracks:
                  - name: all
                    rules:
                      - {name: share, on: conversion, basis: amount, rate: 10%, split: attribution}
                """);
        fixture.event("t1", "campaign.touch", "2026-01-02T10:00:00Z", "p1", "campaign", "c", "customer_id", "cu1")
                .event("t2", "campaign.touch", "2026-01-03T10:00:00Z", "p2", "campaign", "c", "customer_id", "cu1")
                .event("t3", "campaign.touch", "2026-01-04T10:00:00Z", "p3", "campaign", "c", "customer_id", "cu1")
                .event("c1", "conversion", "2026-01-05T10:00:00Z", null, "customer_id", "cu1", "amount", "1000.01");
        // 1,000.01 split 40/20/40: 400.00(4), 200.00(2), 400.00(4) → remainder cent to the largest remainder p1 (ties by id)
        // then 10% of each share
        var result = fixture.run("2026-01-31");
        assertThat(List.of(amount(result, "p1", "2026-01"), amount(result, "p2", "2026-01"), amount(result, "p3", "2026-01")))
                .containsExactly("40.00", "20.00", "40.00");
    }
}

package dev.accrue.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventBatch;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.partner.PartnerBatch;
import dev.accrue.core.partner.PartnerParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
    /** Large enough that every event type and kind of partner history appears. */
    private static final DataSpec MEDIUM = new DataSpec(400, 20_000, 18, 2026, 42);
    private static String mediumEvents;
    private static ActivityCounts mediumCounts;
    private static EventBatch mediumBatch;

    @BeforeAll
    static void generateOnce() {
        StringWriter out = new StringWriter();
        mediumCounts = new SyntheticData(MEDIUM).writeEvents(out);
        mediumEvents = out.toString();
        mediumBatch = new EventParser().readAll(new StringReader(mediumEvents));
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        Texts first = texts(DataSpec.small(7));
        Texts second = texts(DataSpec.small(7));
        assertThat(second.partners()).isEqualTo(first.partners());
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.programs()).isEqualTo(first.programs());
    }

    @Test
    void anotherSeedGivesOtherData() {
        Texts first = texts(DataSpec.small(7));
        Texts other = texts(DataSpec.small(8));
        assertThat(other.partners()).isNotEqualTo(first.partners());
        assertThat(other.events()).isNotEqualTo(first.events());
        assertThat(other.programs()).isNotEqualTo(first.programs());
    }

    @Test
    void askingForMoreProgramsLeavesTheEventsAsTheyWere() {
        DataSpec spec = DataSpec.small(7);
        DataSpec morePrograms = new DataSpec(spec.partnerCount(), spec.saleLineCount(), 30, spec.year(), spec.seed());
        assertThat(texts(morePrograms).events()).isEqualTo(texts(spec).events());
    }

    @Test
    void everyGeneratedEventParsesWithTheProductionParser() {
        assertThat(mediumBatch.errors()).isEmpty();
        assertThat((long) mediumBatch.events().size()).isEqualTo(mediumCounts.lines());
        assertThat(mediumEvents.lines().count()).isEqualTo(mediumCounts.lines());
    }

    @Test
    void everyEventTypeOfTheContractAppears() {
        Set<String> types = mediumBatch.events().stream().map(Event::type).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrderElementsOf(EventTypes.REQUIRED_FIELDS.keySet());
    }

    @Test
    void writesExactlyTheAskedSaleLinesAPartOfThemInThePriorYear() {
        Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
        Set<String> saleIds = new HashSet<>();
        long prior = 0;
        for (Event event : mediumBatch.events()) {
            if (!event.type().equals(EventTypes.SALE) || !saleIds.add(event.id())) continue;  // a resent line counts once
            if (event.occurredAt().isBefore(yearStart)) prior++;
        }
        assertThat(saleIds).hasSize(20_000);
        assertThat(mediumCounts.of("sale")).isEqualTo(20_000);
        assertThat(prior).isEqualTo(20_000 * SyntheticData.PRIOR_YEAR_SALES_PERCENT / 100);
    }

    @Test
    void writesEventsInTimeOrder() {
        List<Event> events = mediumBatch.events();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).occurredAt()).as("line %d", i + 1).isAfterOrEqualTo(events.get(i - 1).occurredAt());
        }
        assertThat(events.get(0).occurredAt()).isAfterOrEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(events.get(events.size() - 1).occurredAt()).isBefore(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void returnsComeAfterTheirLineFromTheSamePartnerForNoMoreThanWasSold() {
        Map<String, Event> lines = new HashMap<>();
        long returns = 0;
        for (Event event : mediumBatch.events()) {
            if (event.type().equals(EventTypes.SALE)) lines.put((String) event.data().get("line_id"), event);
            if (!event.type().equals(EventTypes.RETURN)) continue;
            returns++;
            Event sale = lines.get((String) event.data().get("original_line_id"));
            assertThat(sale).as(event.id()).isNotNull();
            assertThat(event.partnerId()).isEqualTo(sale.partnerId());
            assertThat(event.occurredAt()).isAfter(sale.occurredAt());
            assertThat((Long) event.data().get("quantity")).isLessThanOrEqualTo((Long) sale.data().get("quantity"));
            assertThat((java.math.BigDecimal) event.data().get("net_amount")).isLessThanOrEqualTo((java.math.BigDecimal) sale.data().get("net_amount"));
        }
        assertThat(returns).isGreaterThan(100);
    }

    @Test
    void resendsAFewLinesWithTheSameIdAsRetryingSourcesDo() {
        long distinctIds = mediumBatch.events().stream().map(Event::id).distinct().count();
        assertThat(distinctIds).isEqualTo(mediumCounts.events());
        assertThat(mediumBatch.events().size() - distinctIds).isEqualTo(mediumCounts.duplicateLines());
    }

    @Test
    void partnersRoundTripThroughTheProductionParser() {
        SyntheticData data = new SyntheticData(MEDIUM);
        StringWriter out = new StringWriter();
        data.writePartners(out);

        PartnerBatch parsed = new PartnerParser().readAll(new StringReader(out.toString()));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.partners()).isEqualTo(data.partners());
    }

    @Test
    void partnersAreOfEveryTypeWithHistoriesParentsAndTheAttributesProgramsRead() {
        List<Partner> partners = new SyntheticData(MEDIUM).partners();

        assertThat(partners).hasSize(400);
        assertThat(partners.stream().map(p -> p.versions().get(0).type()).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "distributor", "dealer", "integrator", "reseller", "affiliate", "agency", "technology", "end_customer");
        assertThat(partners).filteredOn(p -> p.versions().size() > 1).hasSizeGreaterThan(20);
        assertThat(partners).filteredOn(p -> p.parent() != null).hasSizeGreaterThan(20);
        assertThat(partners).allSatisfy(p -> assertThat(p.versions().get(0).attributes())
                .containsKeys("map_compliant", "payment_terms_days", "certifications", "enrolled"));
        assertThat(partners).filteredOn(p -> p.versions().get(0).type().equals("reseller"))
                .extracting(p -> p.versions().get(0).tier()).contains("silver", "gold", "platinum");
    }

    @Test
    void programsCoverEveryKindWithDistinctIds() {
        List<GeneratedProgram> programs = new SyntheticData(MEDIUM).programs();

        assertThat(programs).hasSize(18);
        assertThat(programs.stream().map(GeneratedProgram::fileName).distinct()).hasSize(18);
        assertThat(programs.stream().map(p -> p.yaml().lines().filter(l -> l.startsWith("kind: ")).findFirst().orElseThrow()).distinct())
                .containsExactlyInAnyOrder("kind: rebate", "kind: spif", "kind: mdf", "kind: coop", "kind: deal_registration",
                        "kind: referral", "kind: integration", "kind: loyalty");
    }

    private record Texts(String partners, String events, String programs) {}

    private static Texts texts(DataSpec spec) {
        SyntheticData data = new SyntheticData(spec);
        StringWriter partners = new StringWriter();
        data.writePartners(partners);
        StringWriter events = new StringWriter();
        data.writeEvents(events);
        String programs = data.programs().stream().map(p -> p.fileName() + "\n" + p.yaml()).collect(Collectors.joining("\n"));
        return new Texts(partners.toString(), events.toString(), programs);
    }
}

package dev.accrue.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventResult;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.partner.PartnerParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {
    @Test
    void buildsASaleWithTheDataItsTypeNeeds() {
        Event sale = Events.sale("e1").partner("dist-a").at("2026-01-10T15:00:00Z").family("pumps").sku("PMP-200")
                .quantity(6).amount("60000.00").build();

        assertThat(sale.type()).isEqualTo("sale");
        assertThat(sale.partnerId()).isEqualTo("dist-a");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(sale.data()).containsEntry("line_id", "e1").containsEntry("currency", "USD").containsEntry("quantity", 6L)
                .containsEntry("net_amount", new BigDecimal("60000.00")).containsEntry("product_family", "pumps");
    }

    @Test
    void writesJsonThatTheProductionParserReadsBackToTheSameEvent() {
        Event built = Events.returnOf("r1", "A-2").partner("dist-a").at("2026-03-25T15:00:00Z").quantity(10).amount("5000.00")
                .data("reasons", List.of("damaged", 2)).build();

        EventResult parsed = new EventParser().parse(ContractJson.event(built));

        assertThat(parsed).isEqualTo(new EventResult.Valid(built));
        assertThat(ContractJson.event(built)).contains("\"net_amount\":\"5000.00\"");
    }

    @Test
    void refusesToBuildAnEventWithoutTimeOrRequiredData() {
        assertThatThrownBy(() -> Events.payment("p1").customer("c1").amount("10.00").build())
                .hasMessageContaining("at(...)");
        assertThatThrownBy(() -> Events.sale("s1").at("2026-01-10T15:00:00Z").build())
                .hasMessage("event s1: a sale event needs net_amount");
        assertThatThrownBy(() -> Events.event("x", "sales")).hasMessage("unknown event type 'sales'");
    }

    @Test
    void refusesFloatingPointValues() {
        assertThatThrownBy(() -> Events.sale("s1").data("discount", 0.1)).hasMessageContaining("no floating point");
    }

    @Test
    void buildsAPartnerWhoseLaterVersionCarriesOverWhatDidNotChange() {
        Partner reseller = Partners.reseller("rsl-1").name("Ridge Solutions").tier("silver").parent("dist-1")
                .attribute("map_compliant", true).attribute("payment_terms_days", 30)
                .from("2026-04-01T00:00:00Z").tier("gold")
                .build();

        Partner.Version april = reseller.asOf(Instant.parse("2026-04-15T00:00:00Z"));
        assertThat(reseller.versions()).hasSize(2);
        assertThat(reseller.asOf(Instant.parse("2026-03-31T23:59:59Z")).tier()).isEqualTo("silver");
        assertThat(april.tier()).isEqualTo("gold");
        assertThat(april.attributes()).containsEntry("map_compliant", true).containsEntry("payment_terms_days", 30L);
    }

    @Test
    void writesPartnerLinesThatTheProductionParserReadsBackToTheSamePartner() {
        Partner built = Partners.integrator("int-1").attribute("certifications", List.of())
                .from("2026-06-01T00:00:00Z").attribute("certifications", List.of("installer")).build();

        var parsed = new PartnerParser().readAll(new StringReader(ContractJson.partner(built)));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.partners()).containsExactly(built);
    }

    @Test
    void refusesVersionsThatDoNotGoForwardInTime() {
        assertThatThrownBy(() -> Partners.dealer("d").from("2026-06-01T00:00:00Z").from("2026-05-01T00:00:00Z"))
                .hasMessageContaining("versions go forward in time");
    }
}

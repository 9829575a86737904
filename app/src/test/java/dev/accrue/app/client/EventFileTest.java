package dev.accrue.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFileTest {
    private static List<EventFile.Item> csv(String text, String... map) throws IOException {
        List<EventFile.Item> items = new ArrayList<>();
        EventFile.csv(new BufferedReader(new StringReader(text)), EventFile.mapping(List.of(map)), items::add);
        return items;
    }

    @Test
    void csvColumnsFillTheEventAndItsDataWithTheContractsTypes() throws IOException {
        List<EventFile.Item> items = csv("""
                id,type,when,partner,net,quantity,sku,new_customer,serial_numbers,customer_id,discount,region,notes
                e1,sale,2026-01-10T15:00:00Z,dist-a,60000.50,6,0042,true,S1|S2,00017,0.25,north,ignore me
                """, "net=net_amount", "when=occurred_at", "region=data.shipping.region", "notes=");
        assertThat(items).singleElement().isEqualTo(new EventFile.Event(2,
                "{\"id\":\"e1\",\"type\":\"sale\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"partner\":\"dist-a\","
                        + "\"data\":{\"net_amount\":\"60000.50\",\"quantity\":6,\"sku\":\"0042\",\"new_customer\":true,"
                        + "\"serial_numbers\":[\"S1\",\"S2\"],\"customer_id\":\"00017\",\"discount\":0.25,\"shipping\":{\"region\":\"north\"}}}"));
    }

    @Test
    void anEmptyCellLeavesTheFieldOutAndAQuotedCellMaySpanLines() throws IOException {
        List<EventFile.Item> items = csv("id,type,occurred_at,partner,line_id,net_amount,note\r\n"
                + "e1,sale,2026-01-10T15:00:00Z,,L1,1.00,\"two\nlines, \"\"quoted\"\"\"\r\n"
                + "\r\n"
                + "e2,sale,2026-01-10T15:00:00Z,dist-a,L2,2.00,\r\n");
        assertThat(items).extracting(EventFile.Item::line).containsExactly(2L, 5L);
        assertThat(((EventFile.Event) items.get(0)).json()).doesNotContain("partner").contains("\"note\":\"two\\nlines, \\\"quoted\\\"\"");
        assertThat(((EventFile.Event) items.get(1)).json()).doesNotContain("note");
    }

    @Test
    void aRowWithAnotherNumberOfColumnsIsUnreadableByItsLine() throws IOException {
        List<EventFile.Item> items = csv("id,type,occurred_at\ne1,sale\n");
        assertThat(items).singleElement().isEqualTo(new EventFile.Unreadable(2, "has 2 columns, the header 3"));
    }

    @Test
    void theHeaderMustGiveIdTypeAndTimeAndTheMappingMustNameItsColumns() {
        assertThatThrownBy(() -> csv("id,type,date\n", "net=net_amount"))
                .isInstanceOf(EventFile.BadFile.class).hasMessageContaining("'net', which the header does not have");
        assertThatThrownBy(() -> csv("id,type,date\n"))
                .isInstanceOf(EventFile.BadFile.class).hasMessageContaining("occurred_at").hasMessageContaining("--map COLUMN=occurred_at");
        assertThatThrownBy(() -> csv("id,type,occurred_at,amount,net_amount\n", "amount=net_amount"))
                .isInstanceOf(EventFile.BadFile.class).hasMessageContaining("two columns fill data.net_amount");
        assertThatThrownBy(() -> EventFile.mapping(List.of("net")))
                .isInstanceOf(EventFile.BadFile.class).hasMessageContaining("column=field");
    }

    @Test
    void jsonLinesPassAsTheyAreWithTheirLineNumbers() throws IOException {
        List<EventFile.Item> items = new ArrayList<>();
        EventFile.jsonLines(new BufferedReader(new StringReader("{\"id\":\"a\"}\n\n  {\"id\":\"b\"}  \n")), items::add);
        assertThat(items).containsExactly(new EventFile.Event(1, "{\"id\":\"a\"}"), new EventFile.Event(3, "{\"id\":\"b\"}"));
        assertThat(EventFile.mapping(List.of("a=b", "c="))).isEqualTo(Map.of("a", "b", "c", ""));
    }
}

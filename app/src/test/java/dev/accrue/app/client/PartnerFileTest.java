package dev.accrue.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerFileTest {
    @Test
    void csvColumnsBeyondTheFieldsBecomeTypedAttributes() {
        List<PartnerFile.Row> rows = PartnerFile.read("""
                id,name,type,tier,map_compliant,payment_terms_days,rebate_share,certifications,note
                acme,"Acme, Inc.",distributor,gold,true,30,0.25,installer|controls,"says ""hi""\"
                """, true);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.body().get("name").asText()).isEqualTo("Acme, Inc.");
            assertThat(row.body().get("attributes").toString())
                    .isEqualTo("{\"map_compliant\":true,\"payment_terms_days\":30,\"rebate_share\":0.25,\"certifications\":[\"installer\",\"controls\"],\"note\":\"says \\\"hi\\\"\"}");
        });
    }

    @Test
    void parentsComeBeforeTheirChildrenWhateverTheFileOrder() {
        List<PartnerFile.Row> rows = PartnerFile.read("""
                {"id": "customer", "name": "C", "type": "end_customer", "parent": "dealer"}
                {"id": "dealer", "name": "D", "type": "dealer", "parent": "distributor"}
                {"id": "distributor", "name": "X", "type": "distributor"}
                """, false);
        assertThat(rows).extracting(PartnerFile.Row::id).containsExactly("distributor", "dealer", "customer");
        assertThat(rows).extracting(PartnerFile.Row::line).containsExactly(3, 2, 1);
    }

    @Test
    void aLineThatIsNotJsonIsNamedByItsNumber() {
        assertThatThrownBy(() -> PartnerFile.read("{\"id\": \"a\"}\nnot json\n", false))
                .isInstanceOfSatisfying(PartnerFile.BadLine.class, bad -> assertThat(bad.line()).isEqualTo(2));
    }
}

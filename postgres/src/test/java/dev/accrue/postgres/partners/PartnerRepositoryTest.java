package dev.accrue.postgres.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.core.partner.Partner;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.StoreConflict;
import dev.accrue.postgres.TestDatabases;
import dev.accrue.postgres.access.AccessRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartnerRepositoryTest {
    private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static Database database;
    private static PartnerRepository partners;
    private static long author;

    @BeforeAll
    static void open() {
        database = TestDatabases.fresh();
        partners = new PartnerRepository(database.jdbi());
        author = new AccessRepository(database.jdbi()).createUser("author", "admin", null, null, Instant.EPOCH).id();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aPartnerReadsBackWithItsAttributesAsTheyWere() {
        Map<String, Object> attributes = Map.of("map_compliant", true, "payment_terms_days", 30L,
                "returns_rate", new BigDecimal("0.05"), "certifications", List.of("pumps"));
        partners.create(Partner.of("acme", "Acme", "distributor", "gold", null, attributes), author, JANUARY);
        Partner read = partners.partner("acme").orElseThrow();
        assertThat(read.name()).isEqualTo("Acme");
        assertThat(read.asOf(JANUARY).attributes()).isEqualTo(attributes);
        assertThat(read.asOf(JANUARY).tier()).isEqualTo("gold");
    }

    @Test
    void aLaterVersionIsInForceFromItsTimeOn() {
        partners.create(Partner.of("dated", "Dated", "dealer", "silver", null, Map.of()), author, JANUARY);
        partners.addVersion("dated", "Dated Inc", null, new Partner.Version(APRIL, "dealer", "gold", Map.of("enrolled", List.of("coop"))), author, APRIL);
        Partner read = partners.partner("dated").orElseThrow();
        assertThat(read.name()).isEqualTo("Dated Inc");
        assertThat(read.asOf(APRIL.minusSeconds(1)).tier()).isEqualTo("silver");
        assertThat(read.asOf(APRIL).tier()).isEqualTo("gold");
    }

    @Test
    void aParentThatDoesNotExistIsAMissingReference() {
        assertThatThrownBy(() -> partners.create(Partner.of("orphan", "Orphan", "dealer", null, "nobody-here", Map.of()), author, JANUARY))
                .isInstanceOfSatisfying(StoreConflict.class, conflict -> assertThat(conflict.kind()).isEqualTo(StoreConflict.Kind.MISSING_REFERENCE));
    }

    @Test
    void creatingAnExistingPartnerIsADuplicate() {
        partners.create(Partner.of("twice", "Twice", "dealer", null, null, Map.of()), author, JANUARY);
        assertThatThrownBy(() -> partners.create(Partner.of("twice", "Twice", "dealer", null, null, Map.of()), author, JANUARY))
                .isInstanceOfSatisfying(StoreConflict.class, conflict -> assertThat(conflict.kind()).isEqualTo(StoreConflict.Kind.DUPLICATE));
    }

    @Test
    void pagesFollowIdOrderAfterTheCursor() {
        for (String id : List.of("page-c", "page-a", "page-b")) {
            partners.create(Partner.of(id, id, "reseller", null, null, Map.of()), author, JANUARY);
        }
        List<Partner> first = partners.page("page-", 2, null);
        assertThat(first).extracting(Partner::id).containsExactly("page-a", "page-b");
        assertThat(partners.page("page-b", 2, null)).extracting(Partner::id).startsWith("page-c");
        assertThat(partners.page(null, 10, "page-b")).extracting(Partner::id).containsExactly("page-b");
    }

    @Test
    void existingTellsWhichOfManyIdsArePartnersInOneQuery() {
        partners.create(Partner.of("known-1", "Known", "dealer", null, null, Map.of()), author, JANUARY);
        assertThat(partners.existing(List.of("known-1", "unknown-1", "known-1"))).containsExactly("known-1");
        assertThat(partners.existing(List.of())).isEmpty();
    }

    @Test
    void addingAVersionToAPartnerThatDoesNotExistChangesNothing() {
        assertThat(partners.addVersion("ghost", "Ghost", null, new Partner.Version(APRIL, "dealer", null, Map.of()), author, APRIL)).isFalse();
    }
}

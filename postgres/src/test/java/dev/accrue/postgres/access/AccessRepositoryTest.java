package dev.accrue.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.postgres.Database;
import dev.accrue.postgres.StoreConflict;
import dev.accrue.postgres.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");
    private static final String HASH = "0".repeat(64);
    private static Database database;
    private static AccessRepository access;

    @BeforeAll
    static void open() {
        database = TestDatabases.fresh();
        access = new AccessRepository(database.jdbi());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aPartnerUserIsBoundToItsPartner() {
        StoredUser user = access.createUser("rep", "partner", "acme", null, NOW);
        assertThat(access.user(user.id())).get().extracting(StoredUser::partnerId).isEqualTo("acme");
    }

    @Test
    void aPartnerUserWithoutAPartnerIsRefusedByTheSchema() {
        assertThatThrownBy(() -> access.createUser("loose", "partner", null, null, NOW)).hasMessageContaining("check constraint");
    }

    @Test
    void aKeyIsFoundByItsPrefixAndRevokedOnce() {
        StoredUser user = access.createUser("keyholder", "finance", null, null, NOW);
        StoredApiKey key = access.createKey(user.id(), "ak_first1", HASH, "laptop", user.id(), NOW);
        assertThat(access.keyByPrefix("ak_first1")).get().isEqualTo(key);
        assertThat(access.revoke(key.id(), user.id(), NOW)).isTrue();
        assertThat(access.revoke(key.id(), user.id(), NOW)).as("already revoked").isFalse();
        assertThat(access.key(key.id())).get().extracting(StoredApiKey::revokedAt).isEqualTo(NOW);
    }

    @Test
    void twoKeysCannotShareAPrefix() {
        StoredUser user = access.createUser("clash", "admin", null, null, NOW);
        access.createKey(user.id(), "ak_same11", HASH, null, null, NOW);
        assertThatThrownBy(() -> access.createKey(user.id(), "ak_same11", HASH, null, null, NOW))
                .isInstanceOfSatisfying(StoreConflict.class, conflict -> assertThat(conflict.kind()).isEqualTo(StoreConflict.Kind.DUPLICATE));
    }

    @Test
    void keysCanBeListedForOneUser() {
        StoredUser one = access.createUser("one", "admin", null, null, NOW);
        StoredUser two = access.createUser("two", "admin", null, null, NOW);
        access.createKey(one.id(), "ak_one111", HASH, null, null, NOW);
        access.createKey(two.id(), "ak_two111", HASH, null, null, NOW);
        assertThat(access.keys(one.id(), 0, 10)).extracting(StoredApiKey::prefix).containsExactly("ak_one111");
    }
}

package dev.accrue.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void aKeyCarriesItsPrefixAndMatchesOnlyItsOwnHash() {
        ApiKeys.Fresh key = ApiKeys.generate();
        assertThat(ApiKeys.prefixOf(key.text())).contains(key.prefix());
        assertThat(ApiKeys.matches(key.text(), ApiKeys.sha256(key.text()))).isTrue();
        assertThat(ApiKeys.matches(key.text() + "x", ApiKeys.sha256(key.text()))).isFalse();
        assertThat(ApiKeys.sha256(key.text())).hasSize(64).doesNotContain(key.text());
    }

    @Test
    void textOfAnotherFormHasNoPrefix() {
        assertThat(ApiKeys.prefixOf("ak_short")).isEmpty();
        assertThat(ApiKeys.prefixOf("Bearer ak_abcdefgh_" + "x".repeat(43))).isEmpty();
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) assertThat(seen.add(ApiKeys.generate().text())).isTrue();
    }
}

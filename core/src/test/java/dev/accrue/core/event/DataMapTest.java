package dev.accrue.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataMapTest {
    private final Map<String, Object> data =
            DataMap.copyOf(new Object[] {"line_id", "A-1", "quantity", 6L, "currency", "USD", null, null}, 3);

    @Test
    void equalsAnyMapWithTheSameEntriesAndHashesLikeIt() {
        Map<String, Object> same = Map.of("currency", "USD", "quantity", 6L, "line_id", "A-1");
        assertThat(data).isEqualTo(same);
        assertThat(same).isEqualTo(data);
        assertThat(data.hashCode()).isEqualTo(same.hashCode());
        assertThat(data).isNotEqualTo(Map.of("line_id", "A-1"));
    }

    @Test
    void findsKeysThatAreEqualButNotTheSameInstance() {
        String key = new String("quantity".toCharArray());
        assertThat(data.get(key)).isEqualTo(6L);
        assertThat(data.containsKey(key)).isTrue();
        assertThat(data.get("sku")).isNull();
        assertThat(data.getOrDefault("sku", "none")).isEqualTo("none");
        assertThat(data.get(42)).isNull();
    }

    @Test
    void iteratesInInputOrder() {
        List<String> keys = new ArrayList<>();
        data.forEach((key, value) -> keys.add(key));
        assertThat(keys).containsExactly("line_id", "quantity", "currency");
        assertThat(data.keySet()).containsExactly("line_id", "quantity", "currency");
    }

    @Test
    void cannotBeChanged() {
        assertThatThrownBy(() -> data.put("sku", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.remove("line_id")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(data::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isKeptAsItIsByAnEventButOtherMapsAreCopied() {
        Event event = new Event("e", "sale", java.time.Instant.EPOCH, null, data);
        assertThat(event.data()).isSameAs(data);
    }
}

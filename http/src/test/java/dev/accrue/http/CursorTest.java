package dev.accrue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void aCursorGivesBackTheKeyItWasMadeFrom() {
        assertThat(Cursor.decode(Cursor.encode("dealer-ridge"))).isEqualTo("dealer-ridge");
        assertThat(Cursor.decode(null)).isNull();
    }

    @Test
    void aCursorThisServerDidNotGiveIsA400() {
        assertThatThrownBy(() -> Cursor.decode("bm90LW91cnM")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aPageSizeIsBetweenOneAndTheLimit() {
        assertThat(Cursor.pageSize(null)).isEqualTo(Limits.PAGE_SIZE_DEFAULT);
        assertThat(Cursor.pageSize("200")).isEqualTo(200);
        assertThatThrownBy(() -> Cursor.pageSize("201")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.pageSize("0")).isInstanceOf(ApiException.class);
    }
}

package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineNumbersTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void numbersEveryIdOnceInTheOrderFirstSeenThroughGrowth() {
        LineNumbers numbers = new LineNumbers();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(20261123);
        for (int i = 0; i < 200_000; i++) {
            String id = "L-" + random.nextInt(120_000);
            Integer known = expected.get(id);
            if (known == null) expected.put(id, known = expected.size());
            assertThat(numbers.number(id, true)).as(id).isEqualTo(known);
        }
        assertThat(numbers.size()).isEqualTo(expected.size());
        expected.forEach((id, number) -> assertThat(numbers.number(id, false)).isEqualTo(number));
        assertThat(numbers.number("L-never", false)).isEqualTo(LineNumbers.NONE);
        assertThat(numbers.number(null, true)).isEqualTo(LineNumbers.NONE);
        assertThat(numbers.size()).isEqualTo(expected.size());
    }

    @Test
    void theEmptyIdIsAnIdLikeAnyOther() {
        // MurmurHash3 gives (0, 0) for no input, the tables' empty mark: IdHash turns it into (0, 1).
        long[] hash = new long[2];
        IdHash.hash("", hash);
        assertThat(hash[0] != 0 || hash[1] != 0).isTrue();
        LineNumbers numbers = new LineNumbers();
        assertThat(numbers.number("", false)).isEqualTo(LineNumbers.NONE);
        assertThat(numbers.number("L-1", true)).isEqualTo(0);
        assertThat(numbers.number("", true)).isEqualTo(1);
        assertThat(numbers.number("", false)).isEqualTo(1);
        assertThat(numbers.number("\u0000", true)).isEqualTo(2);
    }

    @Test
    void salesAndPaymentsPutTheirLinesReturnsAndRefundsNameThem() {
        LineNumbers numbers = new LineNumbers();
        int sale = numbers.numberOf(event("sale", Map.of("line_id", "L-1")));
        int payment = numbers.numberOf(event("payment", Map.of("invoice", "L-1")));
        assertThat(sale).isNotEqualTo(payment); // an invoice number never meets a line id of the same text
        assertThat(numbers.numberOf(event("return", Map.of("original_line_id", "L-1")))).isEqualTo(sale);
        assertThat(numbers.numberOf(event("refund", Map.of("invoice", "L-1")))).isEqualTo(payment);
        assertThat(numbers.numberOf(event("return", Map.of("original_line_id", "L-2")))).isEqualTo(LineNumbers.NONE);
        assertThat(numbers.numberOf(event("sale", Map.of()))).isEqualTo(LineNumbers.NONE);
        assertThat(numbers.numberOf(event("campaign.touch", Map.of("line_id", "L-1")))).isEqualTo(LineNumbers.NONE);
        assertThat(numbers.size()).isEqualTo(2);
    }

    private static Event event(String type, Map<String, Object> data) {
        return new Event("e-" + type, type, AT, "p1", data);
    }
}

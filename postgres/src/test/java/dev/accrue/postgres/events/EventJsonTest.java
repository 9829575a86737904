package dev.accrue.postgres.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventResult;
import dev.accrue.testkit.Events;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {
    private final EventParser parser = new EventParser();

    private Event parse(String json) {
        EventResult result = parser.parse(json);
        assertThat(result).as(json).isInstanceOf(EventResult.Valid.class);
        return ((EventResult.Valid) result).event();
    }

    @Test
    void oneEventLaidOutTwoWaysHasOneCanonicalText() {
        Event compact = parse("""
                {"id":"e1","type":"sale","occurred_at":"2026-01-10T09:00:00-06:00","partner":"dist-a",
                 "data":{"net_amount":"60000.50","line_id":"L1","currency":"USD","quantity":3}}""");
        Event reordered = parse("""
                {"data": {"quantity": 3, "currency": "USD", "line_id": "L1", "net_amount": "60000.50"},
                 "partner": "dist-a", "occurred_at": "2026-01-10T15:00:00Z", "type": "sale", "id": "e1"}""");
        assertThat(EventJson.write(compact)).isEqualTo(EventJson.write(reordered)).isEqualTo(
                "{\"id\":\"e1\",\"type\":\"sale\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"partner\":\"dist-a\","
                        + "\"data\":{\"currency\":\"USD\",\"line_id\":\"L1\",\"net_amount\":\"60000.50\",\"quantity\":3}}");
    }

    @Test
    void anAmountKeepsItsScaleSoOtherDigitsAreOtherContent() {
        Event twoDigits = Events.sale("e1").at("2026-01-10T15:00:00Z").amount("12.50").build();
        Event oneDigit = Events.sale("e1").at("2026-01-10T15:00:00Z").amount("12.5").build();
        assertThat(EventJson.write(twoDigits)).contains("\"net_amount\":\"12.50\"").isNotEqualTo(EventJson.write(oneDigit));
    }

    @Test
    void aDecimalWithoutFractionIsWrittenSoThatItReadsBackAsADecimal() {
        Event event = Events.event("e1", "usage").at("2026-01-10T15:00:00Z").data("metric", "api_calls").data("quantity", 5L)
                .data("ratio", new BigDecimal("5")).data("big", new BigDecimal("5E+3")).build();
        String json = EventJson.write(event);
        assertThat(json).contains("\"ratio\":5E0").contains("\"big\":5E3");
        assertThat(parse(json)).isEqualTo(event);
        assertThat(((BigDecimal) parse(json).data().get("big")).scale()).isEqualTo(-3);
    }

    @Test
    void everythingBeyondAsciiIsEscapedAndComesBackExact() {
        Event event = Events.sale("é-1").at("2026-01-10T15:00:00Z").amount("1.00")
                .data("customer_id", "Zürich \uD83D\uDE00 \uD800 lone").build();
        String json = EventJson.write(event);
        assertThat(json.chars().allMatch(c -> c < 0x80)).as(json).isTrue();
        assertThat(parse(json)).isEqualTo(event);
    }

    /** Random events of every shape the parser makes come back equal: nanoseconds, nested data, decimals of every scale. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyEventReadsBackEqual(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Event event = randomEvent(random, i);
            String json = EventJson.write(event);
            assertThat(parse(json)).as("seed %d, event %d: %s", seed, i, json).isEqualTo(event);
            assertThat(EventJson.write(parse(json))).as("seed %d, event %d", seed, i).isEqualTo(json);
        }
    }

    static Event randomEvent(Random random, int index) {
        Instant at = Instant.ofEpochSecond(random.nextLong(-60_000_000_000L, 250_000_000_000L), random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("line_id", text(random));
        data.put("net_amount", new BigDecimal(random.nextLong(-10_000_000_000L, 10_000_000_000L)).movePointLeft(random.nextInt(7)));
        if (random.nextBoolean()) data.put("quantity", random.nextLong());
        if (random.nextBoolean()) data.put("currency", "EUR");
        data.put("new_customer", random.nextBoolean());
        data.put("ratio", new BigDecimal(random.nextInt(100_000)).scaleByPowerOfTen(random.nextInt(9) - 6));
        List<Object> serials = new ArrayList<>();
        for (int s = random.nextInt(3); s > 0; s--) serials.add(text(random));
        if (!serials.isEmpty()) data.put("serial_numbers", serials);
        data.put("extra", Map.of("nested", List.of(random.nextLong(), text(random), Map.of("deep", random.nextBoolean()))));
        return new Event("e-" + index + "-" + text(random), "sale", at, random.nextBoolean() ? null : "p-" + random.nextInt(50), data);
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(1, 12); i > 0; i--) {
            text.append(switch (random.nextInt(8)) {
                case 0 -> "é";
                case 1 -> "\"";
                case 2 -> "\\";
                case 3 -> "\t";
                case 4 -> "\uD83D\uDE00";
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }
}

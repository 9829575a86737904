package dev.accrue.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditions on named event fields remember their answers by the fields' values: the answers must not change. */
class EventMemoTest {
    private static CelCondition compile(String source) {
        var result = ConditionCompiler.shared().condition(source, Scope.EVENT_RULE);
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        return (CelCondition) ((CompileResult.Compiled<Condition>) result).value();
    }

    private static ConditionInput input(Map<String, Object> event, Map<String, Object> partner) {
        return new ConditionInput(partner, event, Map.of(), Map.of(), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "event.channel == 'direct'",
            "event.deal_registration != null && event.new_customer",
            "has(event.deal_registration) && event.new_customer",
            "event.sku.startsWith('MTR-') && event.quantity > 0",
            "event.product_family in ['pumps', 'valves'] || event.quantity >= 10"})
    void onlyNamedEventFieldsAreMemoized(String source) {
        assertThat(compile(source).memo()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "partner.type == 'dealer' && event.channel == 'direct'",
            "event.occurred_at > timestamp('2026-01-01T00:00:00Z')",
            "event['channel'] == 'direct'",
            "period.net_sales >= 1000 && event.quantity > 1",
            "customer.months_since_conversion <= 12"})
    void conditionsReadingAnythingElseAreNot(String source) {
        assertThat(compile(source).memo()).isNull();
    }

    /** Seeded (STYLE.md 11): random events, fields present, absent or null; memoized answers equal fresh ones. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aMemoizedAnswerIsTheAnswer(long seed) {
        Random random = new Random(seed);
        List<String> sources = List.of("event.channel == 'direct'", "event.deal_registration != null && event.new_customer",
                "event.sku.startsWith('MTR-') && event.quantity > 0", "!(event.channel == 'direct') || event.new_customer",
                "has(event.deal_registration) && event.new_customer", "event.deal_registration == null || event.channel == 'direct'",
                "event.deal_registration != null && event.deal_registration.startsWith('DR-1')");
        for (String source : sources) {
            CelCondition memoized = compile(source);
            CelCondition fresh = new CelCondition(memoized.source(), memoized.program(), false, false, memoized.runtime(), null);
            List<Boolean> seen = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Map<String, Object> event = new HashMap<>();
                maybe(random, event, "channel", random.nextBoolean() ? "direct" : "sell_through");
                // Mostly text, now and then another type: a field read for its presence is keyed by its value's type.
                maybe(random, event, "deal_registration", switch (random.nextInt(6)) {
                    case 0 -> (long) random.nextInt(3);
                    case 1 -> random.nextBoolean();
                    default -> "DR-" + random.nextInt(3);
                });
                maybe(random, event, "new_customer", random.nextBoolean());
                maybe(random, event, "sku", random.nextBoolean() ? "MTR-1" : "PMP-100");
                maybe(random, event, "quantity", (long) random.nextInt(3));
                ConditionInput in = input(CelValues.map(event), Map.of());
                boolean expected = fresh.test(in);
                assertThat(memoized.test(in)).as("%s on %s", source, event).isEqualTo(expected);
                seen.add(expected);
            }
            assertThat(seen).as("both answers occur for " + source).contains(true, false);
        }
    }

    @org.junit.jupiter.api.Test
    void aFieldReadOnlyForItsPresenceIsRememberedByPresenceNotValue() {
        CelCondition condition = compile("event.deal_registration != null && event.new_customer");
        for (int i = 0; i < 1_000; i++) {
            ConditionInput in = input(CelValues.map(Map.of("deal_registration", "DR-" + i, "new_customer", i % 2 == 0)), Map.of());
            assertThat(condition.test(in)).isEqualTo(i % 2 == 0);
        }
        assertThat(condition.memo().size()).isEqualTo(2);
        CelCondition byValue = compile("event.deal_registration != null && event.deal_registration.startsWith('DR-1')");
        for (int i = 0; i < 100; i++) byValue.test(input(CelValues.map(Map.of("deal_registration", "DR-" + i)), Map.of()));
        assertThat(byValue.memo().size()).isEqualTo(100);
    }

    private static void maybe(Random random, Map<String, Object> event, String field, Object value) {
        switch (random.nextInt(4)) {
            case 0 -> { } // absent
            case 1 -> event.put(field, null);
            default -> event.put(field, value);
        }
    }
}

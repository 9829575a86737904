package dev.accrue.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {
    private static final String SALE_DATA =
            "\"line_id\":\"A-1\",\"sku\":\"PMP-200\",\"product_family\":\"pumps\",\"quantity\":6,\"net_amount\":\"60000.00\",\"currency\":\"USD\"";
    private static final String GOOD_SALE =
            "{\"id\":\"a1\",\"type\":\"sale\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"partner\":\"dist-a\",\"data\":{" + SALE_DATA + "}}";

    private final EventParser parser = new EventParser();

    @Test
    void acceptsEveryLineOfTheWorkedExample() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../examples/worked/events.jsonl"), StandardCharsets.UTF_8)) {
            EventBatch batch = parser.readAll(reader);
            assertThat(batch.errors()).isEmpty();
            assertThat(batch.events()).hasSize(11);
            assertThat(batch.events()).extracting(Event::id).startsWith("a0", "a1").endsWith("d2");
        }
    }

    @Test
    void readsTheFieldsOfASaleIntoTheirJavaTypes() {
        Event sale = valid(GOOD_SALE);

        assertThat(sale.id()).isEqualTo("a1");
        assertThat(sale.type()).isEqualTo("sale");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2026-01-10T15:00:00Z"));
        assertThat(sale.partnerId()).isEqualTo("dist-a");
        assertThat(sale.data()).containsEntry("line_id", "A-1")
                .containsEntry("quantity", 6L)
                .containsEntry("net_amount", new BigDecimal("60000.00"))
                .containsEntry("currency", "USD");
    }

    @Test
    void keepsEveryDataFieldWhenThereAreExactlyAsManyAsTheCollectorHoldsBeforeGrowing() {
        String eightFields = SALE_DATA + ",\"customer_id\":\"c-1\",\"channel\":\"direct\"";
        Event sale = valid(line("sale", eightFields));
        Event next = valid(GOOD_SALE);   // the parser's reused buffers must not reach into the first event
        assertThat(sale.data()).hasSize(8).containsEntry("channel", "direct").containsEntry("line_id", "A-1");
        assertThat(next.data()).hasSize(6);
    }

    @Test
    void keepsTheScaleOfAnAmountExactly() {
        Event sale = valid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"12.50\""));
        BigDecimal amount = (BigDecimal) sale.data().get("net_amount");
        assertThat(amount.unscaledValue().longValue()).isEqualTo(1250);
        assertThat(amount.scale()).isEqualTo(2);
    }

    @Test
    void readsAmountsBeyondTheRangeOfALongExactly() {
        Event sale = valid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"-123456789012345678901234.5678\""));
        assertThat(sale.data().get("net_amount")).isEqualTo(new BigDecimal("-123456789012345678901234.5678"));
    }

    @Test
    void readsNestedValuesBooleansListsAndNonAmountFractions() {
        Event sale = valid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"1\",\"new_customer\":true,"
                + "\"serial_numbers\":[\"S1\",\"S2\"],\"extra\":{\"score\":0.75,\"count\":3}"));

        assertThat(sale.data()).containsEntry("new_customer", true).containsEntry("serial_numbers", List.of("S1", "S2"));
        assertThat(sale.data().get("extra")).isEqualTo(Map.of("score", new BigDecimal("0.75"), "count", 3L));
    }

    @Test
    void takesANullDataValueAsAnAbsentOne() {
        Event sale = valid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"1\",\"deal_registration\":null"));
        assertThat(sale.data()).doesNotContainKey("deal_registration");
    }

    @Test
    void acceptsAnEventWithoutPartnerForAttributionToFind() {
        Event signup = valid("{\"id\":\"s1\",\"type\":\"referral.signup\",\"occurred_at\":\"2026-01-10T15:00:00+01:00\","
                + "\"data\":{\"customer_id\":\"c1\",\"code\":\"ACME\"}}");
        assertThat(signup.partnerId()).isNull();
        assertThat(signup.occurredAt()).isEqualTo(Instant.parse("2026-01-10T14:00:00Z"));
    }

    @Test
    void refusesAFloatAmountBecauseAmountsAreDecimalStrings() {
        LineError error = invalid(line("sale", "\"line_id\":\"L\",\"net_amount\":60000.5"));
        assertThat(error.field()).isEqualTo("data.net_amount");
        assertThat(error.message()).contains("amounts are decimal strings, e.g. \"60000.50\"").contains("found the number 60000.5");
    }

    @Test
    void refusesAnIntegerAmountBecauseAmountsAreDecimalStrings() {
        LineError error = invalid(line("payment", "\"customer_id\":\"c\",\"amount\":60000"));
        assertThat(error.field()).isEqualTo("data.amount");
        assertThat(error.message()).contains("amounts are decimal strings").contains("found the number 60000");
    }

    @Test
    void refusesAnAmountStringThatIsNotAPlainDecimal() {
        for (String bad : List.of("1e5", "+5", ".5", "5.", "1,000.00", "12 USD", "")) {
            LineError error = invalid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"" + bad + "\""));
            assertThat(error.field()).as(bad).isEqualTo("data.net_amount");
            assertThat(error.expected()).as(bad).startsWith("a plain decimal");
        }
    }

    @Test
    void refusesAnUnknownTypeNamingTheKnownOnes() {
        LineError error = invalid(line("sales", SALE_DATA));
        assertThat(error.field()).isEqualTo("type");
        assertThat(error.expected()).contains("sale, seller.activated");
        assertThat(error.found()).isEqualTo("\"sales\"");
    }

    @Test
    void refusesAnEventWithoutARequiredDataFieldOfItsType() {
        LineError error = invalid(line("sale", "\"net_amount\":\"10.00\""));
        assertThat(error.field()).isEqualTo("data.line_id");
        assertThat(error.message()).isEqualTo("data.line_id: expected a value (a sale event has line_id), found none");
    }

    @Test
    void refusesAnEventWithoutATopLevelField() {
        assertThat(invalid("{\"type\":\"seller.activated\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"data\":{}}").field()).isEqualTo("id");
        assertThat(invalid("{\"id\":\"x\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"data\":{}}").field()).isEqualTo("type");
        assertThat(invalid("{\"id\":\"x\",\"type\":\"seller.activated\",\"data\":{}}").field()).isEqualTo("occurred_at");
        assertThat(invalid("{\"id\":\"x\",\"type\":\"seller.activated\",\"occurred_at\":\"2026-01-10T15:00:00Z\"}").field()).isEqualTo("data");
    }

    @Test
    void refusesATimestampWithoutOffset() {
        LineError error = invalid("{\"id\":\"x\",\"type\":\"seller.activated\",\"occurred_at\":\"2026-01-10T15:00:00\",\"data\":{}}");
        assertThat(error.field()).isEqualTo("occurred_at");
        assertThat(error.expected()).isEqualTo(Instants.EXPECTED);
        assertThat(error.found()).isEqualTo("the string \"2026-01-10T15:00:00\"");
    }

    @Test
    void refusesAnImpossibleDate() {
        LineError error = invalid("{\"id\":\"x\",\"type\":\"seller.activated\",\"occurred_at\":\"2026-02-30T15:00:00Z\",\"data\":{}}");
        assertThat(error.field()).isEqualTo("occurred_at");
    }

    @Test
    void refusesAnIdLongerThanItsLimit() {
        String id = "x".repeat(EventParser.ID_LENGTH_MAX + 1);
        LineError error = invalid("{\"id\":\"" + id + "\",\"type\":\"seller.activated\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"data\":{}}");
        assertThat(error.field()).isEqualTo("id");
        assertThat(error.message()).isEqualTo("id: expected a string of 1 to 128 characters, found one of 129");
    }

    @Test
    void refusesALineThatIsNotAnObject() {
        LineError error = invalid("[1,2]");
        assertThat(error.field()).isEmpty();
        assertThat(error.format()).isEqualTo("line 1: expected a JSON object, found an array");
    }

    @Test
    void refusesTrailingGarbageAfterTheObject() {
        LineError error = invalid(GOOD_SALE + " xyz");
        assertThat(error.expected()).isEqualTo("valid JSON");
        assertThat(error.found()).startsWith("invalid JSON: Unrecognized token 'xyz'");
    }

    @Test
    void refusesASecondObjectOnTheSameLine() {
        LineError error = invalid(GOOD_SALE + GOOD_SALE);
        assertThat(error.message()).isEqualTo("expected one JSON object per line, found more after the object: an object");
    }

    @Test
    void refusesBrokenJsonNamingWhereItBroke() {
        LineError error = invalid("{\"id\":\"x\",\"data\":{\"quantity\":}}");
        assertThat(error.field()).isEqualTo("data.quantity");
        assertThat(error.found()).startsWith("invalid JSON: Unexpected character ('}'");
    }

    @Test
    void refusesAQuantityThatIsNotAnInteger() {
        assertThat(invalid(line("usage", "\"metric\":\"m\",\"quantity\":1.5")).message())
                .isEqualTo("data.quantity: expected an integer, found the number 1.5");
        assertThat(invalid(line("usage", "\"metric\":\"m\",\"quantity\":\"3\"")).message())
                .isEqualTo("data.quantity: expected an integer, found the string \"3\"");
    }

    @Test
    void refusesAnIntegerBeyondTheRangeOfALong() {
        LineError error = invalid(line("usage", "\"metric\":\"m\",\"quantity\":92233720368547758080"));
        assertThat(error.field()).isEqualTo("data.quantity");
        assertThat(error.expected()).startsWith("an integer between");
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCode() {
        for (String bad : List.of("usd", "XYZ", "US", "EURO")) {
            LineError error = invalid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"1\",\"currency\":\"" + bad + "\""));
            assertThat(error.field()).as(bad).isEqualTo("data.currency");
            assertThat(error.expected()).as(bad).isEqualTo("an ISO 4217 currency code such as \"USD\"");
        }
    }

    @Test
    void refusesAnUnknownTopLevelField() {
        LineError error = invalid(GOOD_SALE.replace("\"partner\"", "\"partner_id\""));
        assertThat(error.message()).isEqualTo("partner_id: expected only the fields id, type, occurred_at, partner and data, found an unknown field");
    }

    @Test
    void refusesAFieldGivenTwice() {
        assertThat(invalid(GOOD_SALE.replace("{\"id\":\"a1\",", "{\"id\":\"a1\",\"id\":\"a2\",")).message())
                .isEqualTo("id: expected each field once, found it twice");
        assertThat(invalid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"1\",\"line_id\":\"M\"")).field())
                .isEqualTo("data.line_id");
    }

    @Test
    void refusesDataThatIsNotAnObject() {
        LineError error = invalid("{\"id\":\"x\",\"type\":\"seller.activated\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"data\":[]}");
        assertThat(error.message()).isEqualTo("data: expected an object, found an array");
    }

    @Test
    void refusesNestingDeeperThanItsLimit() {
        String deep = "{\"a\":".repeat(JsonValues.DEPTH_MAX) + "1" + "}".repeat(JsonValues.DEPTH_MAX);
        LineError error = invalid(line("seller.activated", "\"nested\":" + deep));
        assertThat(error.field()).isEqualTo("data.nested.a.a.a.a");
        assertThat(error.expected()).startsWith("at most " + JsonValues.DEPTH_MAX + " levels");
    }

    @Test
    void refusesAStringLongerThanItsLimit() {
        LineError error = invalid(line("seller.activated", "\"note\":\"" + "n".repeat(JsonValues.STRING_LENGTH_MAX + 1) + "\""));
        assertThat(error.message()).isEqualTo("data.note: expected a string of at most 1024 characters, found one of 1025");
    }

    @Test
    void refusesANullInsideAnArrayNamingItsIndex() {
        LineError error = invalid(line("sale", "\"line_id\":\"L\",\"net_amount\":\"1\",\"serial_numbers\":[\"S1\",null]"));
        assertThat(error.field()).isEqualTo("data.serial_numbers[1]");
    }

    @Test
    void namesTheLineOfEachBadLineInAStreamAndKeepsTheGoodOnes() {
        String input = GOOD_SALE + "\n"
                + "\n"
                + line("sale", "\"line_id\":\"L\",\"net_amount\":1.5") + "\r\n"
                + GOOD_SALE.replace("\"a1\"", "\"a2\"") + "\n"
                + "not json\n"
                + GOOD_SALE.replace("\"a1\"", "\"a3\"");

        EventBatch batch = parser.readAll(new StringReader(input));

        assertThat(batch.events()).extracting(Event::id).containsExactly("a1", "a2", "a3");
        assertThat(batch.errors()).extracting(LineError::line).containsExactly(3L, 5L);
        assertThat(batch.errors().get(0).field()).isEqualTo("data.net_amount");
        assertThat(batch.errorCount()).isEqualTo(2);
    }

    @Test
    void readsUtf8BytesWithTheSameResultsAsChars() {
        String input = "\uFEFF" + GOOD_SALE + "\n"
                + line("sale", "\"line_id\":\"L\",\"net_amount\":1.5") + "\r\n"
                + "\n"
                + line("seller.activated", "\"note\":\"café ☕\"") + "\n"
                + GOOD_SALE.replace("\"a1\"", "\"a2\"") + " xyz";
        EventBatch fromChars = parser.readAll(new StringReader(input));

        List<Event> events = new java.util.ArrayList<>();
        List<LineError> errors = new java.util.ArrayList<>();
        ReadCounts counts = new EventParser().read(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new EventSink() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void error(LineError error) {
                errors.add(error);
            }
        });

        assertThat(events).isEqualTo(fromChars.events());
        assertThat(errors).isEqualTo(fromChars.errors());
        assertThat(events.get(1).data()).containsEntry("note", "café ☕");
        assertThat(counts).isEqualTo(new ReadCounts(5, 2, 2));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = line("seller.activated", "\"note\":\"café\"").getBytes(StandardCharsets.ISO_8859_1);
        List<LineError> errors = new java.util.ArrayList<>();
        new EventParser().read(new java.io.ByteArrayInputStream(latin1), new EventSink() {
            @Override
            public void event(Event event) {}

            @Override
            public void error(LineError error) {
                errors.add(error);
            }
        });
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.found()).contains("Invalid UTF-8"));
    }

    @Test
    void refusesALineLongerThanTheLineLimitAndGoesOn() {
        String huge = line("seller.activated", "\"note\":\"" + "n".repeat(JsonLines.LINE_LENGTH_MAX) + "\"");
        EventBatch batch = parser.readAll(new StringReader(huge + "\n" + GOOD_SALE + "\n"));

        assertThat(batch.events()).extracting(Event::id).containsExactly("a1");
        assertThat(batch.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.expected()).isEqualTo("a line of at most 65536 characters");
        });
    }

    @Test
    void streamsCountsOfLinesEventsAndErrors() {
        List<Event> seen = new java.util.ArrayList<>();
        List<LineError> refused = new java.util.ArrayList<>();
        ReadCounts counts = parser.read(new StringReader(GOOD_SALE + "\n\n{}\n"), new EventSink() {
            @Override
            public void event(Event event) {
                seen.add(event);
            }

            @Override
            public void error(LineError error) {
                refused.add(error);
            }
        });

        assertThat(counts).isEqualTo(new ReadCounts(3, 1, 1));
        assertThat(seen).hasSize(1);
        assertThat(refused).extracting(LineError::field).containsExactly("id");
    }

    @Test
    void namesTheLineWithinAMultiLineRequestBody() {
        EventResult result = parser.parse("{\n  \"id\": \"x\",\n  \"type\": \"sale\",\n  \"occurred_at\": \"2026-01-10T15:00:00Z\",\n"
                + "  \"data\": {\"line_id\": \"L\",\n    \"net_amount\": 5.5}\n}");
        assertThat(result).isInstanceOf(EventResult.Invalid.class);
        assertThat(((EventResult.Invalid) result).error().line()).isEqualTo(6);
    }

    private Event valid(String json) {
        EventResult result = parser.parse(json);
        assertThat(result).as(json).isInstanceOf(EventResult.Valid.class);
        return ((EventResult.Valid) result).event();
    }

    private LineError invalid(String json) {
        EventResult result = parser.parse(json);
        assertThat(result).as(json).isInstanceOf(EventResult.Invalid.class);
        LineError error = ((EventResult.Invalid) result).error();
        assertThat(error.line()).isEqualTo(1);
        return error;
    }

    private static String line(String type, String data) {
        return "{\"id\":\"e1\",\"type\":\"" + type + "\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"partner\":\"p\",\"data\":{" + data + "}}";
    }
}

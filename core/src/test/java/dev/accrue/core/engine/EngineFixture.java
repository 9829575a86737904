package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.ProgramParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for engine tests: programs from YAML text, partners, events, and a run. */
final class EngineFixture {
    private final List<ProgramVersion> programs = new ArrayList<>();
    private final Map<String, Partner> partners = new HashMap<>();
    final List<Event> events = new ArrayList<>();

    EngineFixture program(String yaml) {
        ParseResult parsed = ProgramParser.parse(yaml, "test.yaml");
        assertThat(parsed.errors()).as("program errors").isEmpty();
        long versions = programs.stream().filter(p -> p.program().id().equals(parsed.program().id())).count();
        programs.add(new ProgramVersion(parsed.program(), (int) versions + 1));
        return this;
    }

    EngineFixture partner(String id, String type, Map<String, Object> attributes) {
        partners.put(id, Partner.of(id, id, type, null, null, attributes));
        return this;
    }

    EngineFixture partner(String id, String type) {
        return partner(id, type, Map.of());
    }

    EngineFixture event(String id, String type, String at, String partner, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof Integer whole) value = whole.longValue();
            if (value instanceof String text && (keyValues[i].equals("net_amount") || keyValues[i].equals("amount"))) {
                value = new BigDecimal(text);
            }
            data.put((String) keyValues[i], value);
        }
        events.add(new Event(id, type, Instant.parse(at), partner, data));
        return this;
    }

    EngineFixture sale(String id, String at, String partner, String family, String amount, Object... more) {
        Object[] keyValues = new Object[6 + more.length];
        keyValues[0] = "line_id";
        keyValues[1] = "L-" + id;
        keyValues[2] = "product_family";
        keyValues[3] = family;
        keyValues[4] = "net_amount";
        keyValues[5] = amount;
        System.arraycopy(more, 0, keyValues, 6, more.length);
        return event(id, "sale", at, partner, keyValues);
    }

    List<ProgramVersion> programs() {
        return List.copyOf(programs);
    }

    PartnerLookup lookup() {
        return partners::get;
    }

    Simulation.Result run(String through) {
        return run(events, through);
    }

    Simulation.Result run(List<Event> input, String through) {
        return Simulation.run(programs, partners::get, sink -> input.forEach(sink), through == null ? null : LocalDate.parse(through));
    }

    /** {@link #run(List, String)} from a source that says it holds about {@code expectedEvents} events. */
    Simulation.Result run(List<Event> input, String through, int expectedEvents) {
        Simulation.EventSource source = new Simulation.EventSource() {
            @Override
            public void forEach(java.util.function.Consumer<Event> sink) {
                input.forEach(sink);
            }

            @Override
            public int expectedEvents() {
                return expectedEvents;
            }
        };
        return Simulation.run(programs, partners::get, source, through == null ? null : LocalDate.parse(through));
    }

    static Earning earning(Simulation.Result result, String partner, String period) {
        return result.earnings().stream().filter(e -> e.payee().equals(partner) || e.partner().equals(partner))
                .filter(e -> e.period().toString().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError("no earning of " + partner + " in " + period + ": " + result.earnings()));
    }

    static String amount(Simulation.Result result, String payee, String period) {
        return result.earnings().stream().filter(e -> e.payee().equals(payee) && e.period().toString().equals(period))
                .map(e -> e.amount().toDecimalString()).findFirst().orElse("none");
    }
}

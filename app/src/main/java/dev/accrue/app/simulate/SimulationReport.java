package dev.accrue.app.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.accrue.core.engine.Earning;
import dev.accrue.core.engine.EarningLine;
import dev.accrue.core.engine.Simulation;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prints a simulation in the command-line contract's shape (DESIGN.md): {@code earnings} with their lines and
 * reasons, {@code totals} per program and unit; amounts as decimal strings in the unit's minor digits.
 */
public final class SimulationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Comparator<Earning> ORDER = Comparator.comparing((Earning e) -> e.program().value())
            .thenComparingInt(Earning::programVersion).thenComparing(e -> e.period().toString())
            .thenComparing(Earning::partner).thenComparing(Earning::payee).thenComparing(e -> e.amount().unit().code());

    private SimulationReport() {}

    public static void print(Simulation.Result result, String format, PrintWriter out) {
        if (format.equals("table")) {
            printTable(result, out);
        } else {
            printJson(result, out);
        }
    }

    /**
     * Writes the document earning by earning rather than building it whole first: ten million sale lines give
     * hundreds of thousands of earnings, whose document as one string would be hundreds of megabytes.
     * The bytes are the same as {@code json(document(result))}.
     */
    private static void printJson(Simulation.Result result, PrintWriter out) {
        ObjectWriter parts = JSON.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator json = parts.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("earnings");
            for (Earning earning : sorted(result.earnings())) parts.writeValue(json, earningRow(earning));
            json.writeEndArray();
            json.writeFieldName("totals");
            parts.writeValue(json, totals(result));
            json.writeFieldName("stats");
            parts.writeValue(json, stats(result));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulation as JSON", e);
        }
        out.println();
    }

    public static void printComparison(Simulation.Result base, Simulation.Result candidate, String format, PrintWriter out) {
        List<Map<String, Object>> differences = differences(base, candidate);
        List<Map<String, Object>> totalChange = totalChange(base, candidate);
        if (format.equals("table")) {
            out.println("== current programs");
            printTable(base, out);
            out.println();
            out.println("== compared programs");
            printTable(candidate, out);
            out.println();
            out.println("== difference per program and partner");
            out.printf("%-28s %-16s %-8s %14s %14s %14s%n", "program", "partner", "unit", "current", "compared", "change");
            for (Map<String, Object> row : differences) {
                out.printf("%-28s %-16s %-8s %14s %14s %14s%n", row.get("program"), row.get("partner"), row.get("unit"),
                        row.get("current"), row.get("compared"), row.get("change"));
            }
            out.println("== total cost change");
            for (Map<String, Object> row : totalChange) {
                out.printf("%-8s %14s %14s %14s%n", row.get("unit"), row.get("current"), row.get("compared"), row.get("change"));
            }
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("current", document(base));
        document.put("compared", document(candidate));
        document.put("difference", differences);
        document.put("total_change", totalChange);
        out.println(json(document));
    }

    private static Map<String, Object> document(Simulation.Result result) {
        List<Map<String, Object>> earnings = new ArrayList<>();
        for (Earning earning : sorted(result.earnings())) earnings.add(earningRow(earning));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("earnings", earnings);
        document.put("totals", totals(result));
        document.put("stats", stats(result));
        return document;
    }

    private static Map<String, Object> earningRow(Earning earning) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("program", earning.program().value());
        row.put("version", earning.programVersion());
        row.put("partner", earning.partner());
        row.put("payee", earning.payee());
        row.put("period", earning.period().toString());
        row.put("status", earning.closed() ? "closed" : "open");
        row.put("unit", earning.amount().unit().code());
        row.put("amount", earning.amount().toDecimalString());
        row.put("tier", earning.tier());
        row.put("voided_by", earning.voidedBy());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (EarningLine line : earning.lines()) {
            Map<String, Object> lineRow = new LinkedHashMap<>();
            lineRow.put("track", line.track());
            lineRow.put("rule", line.rule());
            lineRow.put("amount", line.amount().toDecimalString());
            lineRow.put("why", line.why());
            lineRow.put("explanation", ExplanationJson.of(line.explanation()));
            lines.add(lineRow);
        }
        row.put("lines", lines);
        return row;
    }

    private static Map<String, Object> stats(Simulation.Result result) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("through", result.through() == null ? null : result.through().toString());
        stats.put("events", result.stats().accepted());
        stats.put("duplicates_ignored", result.duplicates());
        stats.put("unattributed", result.stats().unattributed());
        stats.put("unknown_partner", result.stats().unknownPartner());
        return stats;
    }

    private static List<Map<String, Object>> totals(Simulation.Result result) {
        Map<String, Map<Unit, Money>> totals = new TreeMap<>();
        for (Earning earning : result.earnings()) {
            totals.computeIfAbsent(earning.program().value(), p -> new TreeMap<>(Comparator.comparing(Unit::code)))
                    .merge(earning.amount().unit(), earning.amount(), Money::plus);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        totals.forEach((program, byUnit) -> byUnit.forEach((unit, amount) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("program", program);
            row.put("unit", unit.code());
            row.put("amount", amount.toDecimalString());
            rows.add(row);
        }));
        return rows;
    }

    private record PartnerKey(String program, String partner, String unit) implements Comparable<PartnerKey> {
        public int compareTo(PartnerKey other) {
            return Comparator.comparing(PartnerKey::program).thenComparing(PartnerKey::partner).thenComparing(PartnerKey::unit)
                    .compare(this, other);
        }
    }

    private static Map<PartnerKey, Money> byPartner(Simulation.Result result) {
        Map<PartnerKey, Money> sums = new TreeMap<>();
        for (Earning earning : result.earnings()) {
            sums.merge(new PartnerKey(earning.program().value(), earning.partner(), earning.amount().unit().code()),
                    earning.amount(), Money::plus);
        }
        return sums;
    }

    private static List<Map<String, Object>> differences(Simulation.Result base, Simulation.Result candidate) {
        Map<PartnerKey, Money> before = byPartner(base);
        Map<PartnerKey, Money> after = byPartner(candidate);
        TreeSet<PartnerKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PartnerKey key : keys) {
            Unit unit = (before.containsKey(key) ? before.get(key) : after.get(key)).unit();
            Money current = before.getOrDefault(key, Money.zero(unit));
            Money compared = after.getOrDefault(key, Money.zero(unit));
            if (current.equals(compared)) continue;
            rows.add(changeRow(key.program(), key.partner(), unit, current, compared));
        }
        return rows;
    }

    private static List<Map<String, Object>> totalChange(Simulation.Result base, Simulation.Result candidate) {
        Map<String, Money> before = new TreeMap<>();
        Map<String, Money> after = new TreeMap<>();
        base.earnings().forEach(e -> before.merge(e.amount().unit().code(), e.amount(), Money::plus));
        candidate.earnings().forEach(e -> after.merge(e.amount().unit().code(), e.amount(), Money::plus));
        TreeSet<String> units = new TreeSet<>(before.keySet());
        units.addAll(after.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String code : units) {
            Unit unit = Unit.of(code);
            rows.add(changeRow(null, null, unit, before.getOrDefault(code, Money.zero(unit)), after.getOrDefault(code, Money.zero(unit))));
        }
        return rows;
    }

    private static Map<String, Object> changeRow(String program, String partner, Unit unit, Money current, Money compared) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (program != null) row.put("program", program);
        if (partner != null) row.put("partner", partner);
        row.put("unit", unit.code());
        row.put("current", current.toDecimalString());
        row.put("compared", compared.toDecimalString());
        row.put("change", compared.minus(current).toDecimalString());
        return row;
    }

    private static void printTable(Simulation.Result result, PrintWriter out) {
        out.printf("%-28s %-8s %-16s %-16s %-16s %14s %-10s %s%n", "program", "period", "partner", "payee", "unit", "amount", "tier", "status");
        for (Earning earning : sorted(result.earnings())) {
            String status = earning.voidedBy() != null ? "voided: " + earning.voidedBy() : earning.closed() ? "closed" : "open";
            out.printf("%-28s %-8s %-16s %-16s %-16s %14s %-10s %s%n", earning.program(), earning.period(), earning.partner(),
                    earning.payee(), earning.amount().unit().code(), earning.amount().toDecimalString(),
                    earning.tier() == null ? "" : earning.tier(), status);
        }
        out.println();
        out.printf("%-28s %-16s %14s%n", "total", "unit", "amount");
        for (Map<String, Object> row : totals(result)) {
            out.printf("%-28s %-16s %14s%n", row.get("program"), row.get("unit"), row.get("amount"));
        }
    }

    private static List<Earning> sorted(List<Earning> earnings) {
        List<Earning> sorted = new ArrayList<>(earnings);
        sorted.sort(ORDER);
        return sorted;
    }

    private static String json(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the simulation as JSON", e);
        }
    }
}

package dev.accrue.bench;

import dev.accrue.core.condition.CelValues;
import dev.accrue.core.condition.CompileResult;
import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.ConditionCompiler;
import dev.accrue.core.condition.ConditionInput;
import dev.accrue.core.condition.RuntimeKind;
import dev.accrue.core.condition.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of typical compiled conditions, on CEL-Java's standard runtime and its
 * planner runtime. The target is 2 million evaluations per second per core. Inputs are built once,
 * as the engine builds them once per event and partner version.
 *
 * <pre>java -jar bench/target/benchmarks.jar ConditionBenchmark -f 1 -wi 3 -i 5 -t 1</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionBenchmark {
    /** The conditions measured, with the scope each is compiled in. */
    private static final Map<String, Map.Entry<String, Scope>> CONDITIONS = Map.of(
            "family_in_list", Map.entry("event.product_family in ['pumps', 'valves', 'seals']", Scope.EVENT_RULE),
            "partner_type", Map.entry("partner.type == 'distributor'", Scope.TRACK_PARTNERS),
            "mix_share", Map.entry("period.mix['pumps'] >= 0.30", Scope.EVENT_RULE),
            "net_sales_int", Map.entry("period.net_sales >= 100000", Scope.GATE),
            "sku_and_quantity", Map.entry("event.sku.startsWith('PMP-') && event.quantity > 0", Scope.EVENT_RULE),
            "absent_growth", Map.entry("period.growth >= 0.10", Scope.GATE),
            "absent_with_has", Map.entry("has(event.deal_registration) && event.new_customer", Scope.EVENT_RULE));

    @Param({"PLANNER", "STANDARD"})
    public RuntimeKind runtime;

    @Param({"family_in_list", "partner_type", "mix_share", "net_sales_int", "sku_and_quantity", "absent_growth", "absent_with_has"})
    public String condition;

    private Condition compiled;
    private ConditionInput input;

    @Setup
    public void setUp() {
        Map.Entry<String, Scope> source = CONDITIONS.get(condition);
        CompileResult<Condition> result = ConditionCompiler.create(runtime).condition(source.getKey(), source.getValue());
        if (!(result instanceof CompileResult.Compiled<Condition> ok)) throw new IllegalStateException("does not compile: " + result);
        compiled = ok.value();
        Map<String, Object> partner = CelValues.map(Map.of("id", "P-1001", "type", "distributor", "tier", "gold",
                "map_compliant", true, "payment_terms_days", 30, "certifications", List.of("installer")));
        Map<String, Object> event = CelValues.map(Map.of("type", "sale", "line_id", "L-1", "sku", "PMP-200",
                "product_family", "seals", "quantity", 4, "net_amount", new java.math.BigDecimal("1250.00"), "channel", "sell_through"));
        // No growth (no year of history) and no deal registration: the absent_* conditions are false.
        Map<String, Object> period = CelValues.map(Map.of("net_sales", new java.math.BigDecimal("135000.00"), "gross_sales", 140000,
                "units", 420, "returns", 5000, "returns_rate", 0.0357, "mix", Map.of("pumps", 0.42, "valves", 0.33, "seals", 0.25),
                "count", Map.of("sale", 380, "return", 12)));
        input = new ConditionInput(partner, event, Map.of(), period, Map.of());
        boolean expected = !condition.startsWith("absent");
        if (compiled.test(input) != expected) throw new IllegalStateException(condition + " should be " + expected);
    }

    @Benchmark
    public boolean test() {
        return compiled.test(input);
    }
}

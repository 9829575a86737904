package dev.accrue.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConditionCompilerTest {
    private final ConditionCompiler compiler = ConditionCompiler.shared();

    private Condition condition(String source, Scope scope) {
        return condition(RuntimeKind.PLANNER, source, scope);
    }

    private static Condition condition(RuntimeKind runtime, String source, Scope scope) {
        CompileResult<Condition> result = compilerOn(runtime).condition(source, scope);
        assertThat(result).as("compiles: %s", result).isInstanceOf(CompileResult.Compiled.class);
        return ((CompileResult.Compiled<Condition>) result).value();
    }

    private static ConditionCompiler compilerOn(RuntimeKind runtime) {
        return runtime == RuntimeKind.PLANNER ? ConditionCompiler.shared() : STANDARD;
    }

    private static final ConditionCompiler STANDARD = ConditionCompiler.create(RuntimeKind.STANDARD);

    private List<ExpressionError> errors(String source, Scope scope) {
        CompileResult<Condition> result = compiler.condition(source, scope);
        assertThat(result).as("is rejected: %s", source).isInstanceOf(CompileResult.Rejected.class);
        return ((CompileResult.Rejected<Condition>) result).errors();
    }

    private static ConditionInput input(Map<String, ?> partner, Map<String, ?> event, Map<String, ?> period) {
        return new ConditionInput(CelValues.map(partner), CelValues.map(event), Map.of(), CelValues.map(period), Map.of());
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void aDoubleMeasureComparesWithAnIntegerLiteral(RuntimeKind runtime) {
        Condition condition = condition(runtime, "period.net_sales >= 100000", Scope.GATE);
        assertThat(condition.test(input(Map.of(), Map.of(), Map.of("net_sales", 120000.0)))).isTrue();
        assertThat(condition.test(input(Map.of(), Map.of(), Map.of("net_sales", 99999.99)))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void anIntegerEventFieldComparesWithAnIntegerAndADecimal(RuntimeKind runtime) {
        Condition positive = condition(runtime, "event.quantity > 0", Scope.EVENT_RULE);
        Condition half = condition(runtime, "event.quantity >= 0.5", Scope.EVENT_RULE);
        assertThat(positive.test(input(Map.of(), Map.of("quantity", 3), Map.of()))).isTrue();
        assertThat(half.test(input(Map.of(), Map.of("quantity", 1L), Map.of()))).isTrue();
        assertThat(positive.test(input(Map.of(), Map.of("quantity", new BigDecimal("0.25")), Map.of()))).isTrue();
        assertThat(half.test(input(Map.of(), Map.of("quantity", new BigDecimal("0.25")), Map.of()))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void aDecimalEventFieldEqualsAnIntegerLiteral(RuntimeKind runtime) {
        Condition condition = condition(runtime, "event.quantity == 3", Scope.EVENT_RULE);
        assertThat(condition.test(input(Map.of(), Map.of("quantity", new BigDecimal("3.0")), Map.of()))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void listMembershipAndStringFunctionsWork(RuntimeKind runtime) {
        Condition family = condition(runtime, "event.product_family in ['pumps', 'valves', 'seals']", Scope.EVENT_RULE);
        Condition sku = condition(runtime, "event.sku.startsWith('PMP-') && event.quantity > 0", Scope.EVENT_RULE);
        assertThat(family.test(input(Map.of(), Map.of("product_family", "valves"), Map.of()))).isTrue();
        assertThat(family.test(input(Map.of(), Map.of("product_family", "parts"), Map.of()))).isFalse();
        assertThat(sku.test(input(Map.of(), Map.of("sku", "PMP-100", "quantity", 2), Map.of()))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void aMixShareIsReadByFamily(RuntimeKind runtime) {
        Condition condition = condition(runtime, "period.mix['pumps'] >= 0.30", Scope.EVENT_RULE);
        assertThat(condition.test(input(Map.of(), Map.of(), Map.of("mix", Map.of("pumps", 0.31))))).isTrue();
        assertThat(condition.test(input(Map.of(), Map.of(), Map.of("mix", Map.of("pumps", 0.29))))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void anAbsentMeasureMakesTheConditionFalse(RuntimeKind runtime) {
        Condition growth = condition(runtime, "period.growth >= 0.10", Scope.PERIOD_CLOSE_RULE);
        Condition notGrowth = condition(runtime, "!(period.growth >= 0.10)", Scope.PERIOD_CLOSE_RULE);
        assertThat(growth.test(input(Map.of(), Map.of(), Map.of("net_sales", 5.0)))).isFalse();
        assertThat(notGrowth.test(input(Map.of(), Map.of(), Map.of("net_sales", 5.0)))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void anAbsentEventFieldMakesTheConditionFalse(RuntimeKind runtime) {
        Condition condition = condition(runtime, "event.deal_registration != null && event.new_customer", Scope.EVENT_RULE);
        assertThat(condition.test(input(Map.of(), Map.of("net_amount", "10"), Map.of()))).isFalse();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("deal_registration", null);
        withNull.put("new_customer", true);
        assertThat(condition.test(input(Map.of(), withNull, Map.of()))).isFalse();
        assertThat(condition.test(input(Map.of(), Map.of("deal_registration", "DR-1", "new_customer", true), Map.of()))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void aMissingInputMapReadsAsEmpty(RuntimeKind runtime) {
        Condition condition = condition(runtime, "partner.type == 'distributor'", Scope.TRACK_PARTNERS);
        assertThat(condition.test(new ConditionInput(null, null, null, null, null))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void aComparisonOfMismatchedTypesAtRunTimeIsFalse(RuntimeKind runtime) {
        Condition condition = condition(runtime, "partner.payment_terms_days <= 45", Scope.GATE);
        assertThat(condition.test(input(Map.of("payment_terms_days", "thirty"), Map.of(), Map.of()))).isFalse();
        assertThat(condition.test(input(Map.of("payment_terms_days", 30), Map.of(), Map.of()))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void hasAndOptionalSyntaxReadOptionalFields(RuntimeKind runtime) {
        Condition present = condition(runtime, "has(event.rep_id)", Scope.EVENT_RULE);
        Condition defaulted = condition(runtime, "event.email_verified && !event.?self_referral_suspected.orValue(false)", Scope.EVENT_RULE);
        assertThat(present.test(input(Map.of(), Map.of(), Map.of()))).isFalse();
        assertThat(defaulted.test(input(Map.of(), Map.of("email_verified", true), Map.of()))).isTrue();
        assertThat(defaulted.test(input(Map.of(), Map.of("email_verified", true, "self_referral_suspected", true), Map.of()))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void timestampsCompare(RuntimeKind runtime) {
        Condition condition = condition(runtime, "event.occurred_at >= timestamp('2026-03-01T00:00:00Z')", Scope.EVENT_RULE);
        assertThat(condition.test(input(Map.of(), Map.of("occurred_at", Instant.parse("2026-03-02T10:00:00Z")), Map.of()))).isTrue();
        assertThat(condition.test(input(Map.of(), Map.of("occurred_at", Instant.parse("2026-02-02T10:00:00Z")), Map.of()))).isFalse();
    }

    @Test
    void readsPeriodTellsWhetherPeriodOrPriorIsRead() {
        assertThat(condition("period.mix['pumps'] >= 0.30", Scope.EVENT_RULE).readsPeriod()).isTrue();
        assertThat(condition("prior.net_sales > 0.0", Scope.GATE).readsPeriod()).isTrue();
        assertThat(condition("event.quantity > 0", Scope.EVENT_RULE).readsPeriod()).isFalse();
        assertThat(condition("partner.map_compliant", Scope.GATE).readsPeriod()).isFalse();
    }

    @Test
    void readsOnlyPeriodTellsWhetherPeriodAndPriorAreAllThatIsRead() {
        assertThat(condition("period.mix['pumps'] >= 0.30", Scope.EVENT_RULE).readsOnlyPeriod()).isTrue();
        assertThat(condition("period.net_sales > prior.net_sales", Scope.GATE).readsOnlyPeriod()).isTrue();
        assertThat(condition("period.mix['pumps'] >= 0.30 && event.quantity > 0", Scope.EVENT_RULE).readsOnlyPeriod()).isFalse();
        assertThat(condition("period.net_sales > 0.0 || partner.map_compliant", Scope.GATE).readsOnlyPeriod()).isFalse();
        assertThat(condition("event.quantity > 0", Scope.EVENT_RULE).readsOnlyPeriod()).isFalse();
    }

    @Test
    void aMisspelledMeasureIsRejectedNamingTheMeasures() {
        List<ExpressionError> errors = errors("period.net_sale > 1000", Scope.GATE);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("'net_sale' is not a period measure", "did you mean 'net_sales'",
                    "net_sales, gross_sales, units, returns, returns_rate, mix, count, growth");
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo(7);
        });
    }

    @Test
    void aMeasureComparedWithTextIsRejected() {
        assertThat(errors("period.returns_rate < 'high'", Scope.GATE)).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("'<' cannot be applied to (double, string)"));
    }

    @Test
    void aNumberIsNotACondition() {
        assertThat(errors("period.net_sales", Scope.GATE)).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("must be true or false", "double"));
    }

    @Test
    void aSyntaxErrorCarriesItsColumn() {
        assertThat(errors("event.milestone == ", Scope.EVENT_RULE)).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("syntax error: mismatched input '<EOF>'");
            assertThat(error.column()).isEqualTo(20);
        });
    }

    @Test
    void aVariableOutsideItsScopeIsRejectedNamingWhatTheScopeReads() {
        assertThat(errors("event.quantity > 1", Scope.GATE)).singleElement().satisfies(error ->
                assertThat(error.message()).isEqualTo("'event' is not available in a gate; it can read partner, period, prior"));
        assertThat(errors("partnr.type == 'x'", Scope.TRACK_PARTNERS)).singleElement().satisfies(error ->
                assertThat(error.message()).contains("unknown name 'partnr'", "did you mean 'partner'"));
    }

    @Test
    void anEmptyExpressionIsRejected() {
        assertThat(errors("  ", Scope.GATE)).singleElement().satisfies(error -> assertThat(error.message()).isEqualTo("the expression is empty"));
    }

    @Test
    void aValueExpressionGivesTheValueOrNull() {
        CompileResult<ValueExpression> result = compiler.value("event.rep_id", Scope.EVENT_RULE);
        ValueExpression payee = ((CompileResult.Compiled<ValueExpression>) result).value();
        assertThat(payee.evaluate(input(Map.of(), Map.of("rep_id", "rep-7"), Map.of()))).isEqualTo("rep-7");
        assertThat(payee.evaluate(input(Map.of(), Map.of(), Map.of()))).isNull();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void mapFunctionsApplyToTheInputMapsAndTheirNestedMaps(RuntimeKind runtime) {
        ConditionInput input = input(Map.of("type", "dealer", "attributes", Map.of("region", "emea")),
                Map.of("product_family", "pumps", "rep_id", "r-1"), Map.of("mix", Map.of("pumps", 0.5)));
        assertThat(condition(runtime, "'rep_id' in event", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "size(event) == 2", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "event['product_family'] == 'pumps'", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "partner.attributes['region'] == 'emea'", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "has(partner.attributes.region) && !has(partner.attributes.segment)", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "'pumps' in period.mix && size(period.mix) == 1", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "period.mix.exists(family, period.mix[family] > 0.4)", Scope.EVENT_RULE).test(input)).isTrue();
        assertThat(condition(runtime, "event.?rep_id.orValue('') == 'r-1'", Scope.EVENT_RULE).test(input)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RuntimeKind.class)
    void anErrorOnOneSideOfOrDoesNotHideATrueOtherSide(RuntimeKind runtime) {
        Condition condition = condition(runtime, "event.missing == 1 || event.product_family == 'pumps'", Scope.EVENT_RULE);
        assertThat(condition.test(input(Map.of(), Map.of("product_family", "pumps"), Map.of()))).isTrue();
    }
}

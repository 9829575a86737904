package dev.accrue.core.condition;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.accrue.core.program.Measures;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL environments, one per {@link Scope}. {@code partner}, {@code event} and {@code customer} are
 * open maps ({@code map(string, dyn)}): their keys are the partner's attributes and the event's data,
 * which no schema fixes. {@code period} and {@code prior} are a struct type whose fields are the
 * measures, so that a misspelled measure or a comparison of a measure with a string fails when the
 * program is saved. At run time they are plain maps: both evaluators select a struct field of a map
 * by key.
 */
final class CelEnvironments {
    /** Longest expression CEL will parse; the program parser has its own, smaller limit. */
    static final int EXPRESSION_CODE_POINTS_MAX = 4_000;
    /** Deepest nesting the parser accepts: enough for any honest condition, too little to exhaust a stack. */
    static final int PARSE_RECURSION_DEPTH_MAX = 64;
    /** Most iterations of one macro ({@code exists}, {@code all}, {@code map}...) over a list. */
    static final int COMPREHENSION_ITERATIONS_MAX = 10_000;

    static final String MEASURES_TYPE_NAME = "accrue.Measures";
    static final StructType MEASURES_TYPE = measuresType();
    private static final CelType OPEN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final Map<Scope, Cel> byScope = new EnumMap<>(Scope.class);

    CelEnvironments(RuntimeKind runtime) {
        for (Scope scope : Scope.values()) byScope.put(scope, build(runtime, scope));
    }

    Cel forScope(Scope scope) {
        return byScope.get(scope);
    }

    static CelOptions options() {
        return CelOptions.current()
                // period.net_sales >= 100000 and event.quantity > 0.5 compare a double with an int.
                .enableHeterogeneousNumericComparisons(true)
                .maxExpressionCodePointSize(EXPRESSION_CODE_POINTS_MAX)
                .maxParseRecursionDepth(PARSE_RECURSION_DEPTH_MAX)
                .comprehensionMaxIterations(COMPREHENSION_ITERATIONS_MAX)
                .enableOptionalSyntax(true)
                .build();
    }

    private static Cel build(RuntimeKind runtime, Scope scope) {
        CelBuilder builder = switch (runtime) {
            case STANDARD -> CelFactory.standardCelBuilder();
            case PLANNER -> CelFactory.plannerCelBuilder();
        };
        builder.setOptions(options())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                // event.?rep_id.orValue('') lets a program owner read an optional field without failing.
                .addCompilerLibraries(CelOptionalLibrary.INSTANCE)
                .addRuntimeLibraries(CelOptionalLibrary.INSTANCE)
                .setTypeProvider(new MeasuresTypeProvider());
        for (String variable : scope.variables()) {
            boolean measures = variable.equals(Variables.PERIOD) || variable.equals(Variables.PRIOR);
            builder.addVar(variable, measures ? MEASURES_TYPE : OPEN_MAP);
        }
        return builder.build();
    }

    private static StructType measuresType() {
        Map<String, CelType> fields = new LinkedHashMap<>();
        for (String measure : Measures.ALL) {
            CelType type = switch (measure) {
                case Measures.MIX -> MapType.create(SimpleType.STRING, SimpleType.DOUBLE);
                case Measures.COUNT -> MapType.create(SimpleType.STRING, SimpleType.INT);
                default -> SimpleType.DOUBLE;
            };
            fields.put(measure, type);
        }
        Map<String, CelType> frozen = Map.copyOf(fields);
        return StructType.create(MEASURES_TYPE_NAME, ImmutableSet.copyOf(fields.keySet()), name -> Optional.ofNullable(frozen.get(name)));
    }

    private static final class MeasuresTypeProvider implements CelTypeProvider {
        @Override
        public ImmutableCollection<CelType> types() {
            return ImmutableList.of(MEASURES_TYPE);
        }

        @Override
        public Optional<CelType> findType(String typeName) {
            return MEASURES_TYPE_NAME.equals(typeName) ? Optional.of(MEASURES_TYPE) : Optional.empty();
        }
    }
}

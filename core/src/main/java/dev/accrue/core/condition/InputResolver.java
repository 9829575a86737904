package dev.accrue.core.condition;

import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;

/**
 * Hands CEL the maps of a {@link ConditionInput} by name, without copying them into a new map per
 * evaluation. An absent map reads as empty, so a field of it is absent and the condition false. For the
 * planner runtime each map is wrapped in an {@link InputMap}, which it reads without walking it.
 */
final class InputResolver implements CelVariableResolver {
    private static final CelType OPEN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final ConditionInput input;
    private final boolean wrap;

    InputResolver(ConditionInput input, RuntimeKind runtime) {
        this.input = input;
        this.wrap = runtime == RuntimeKind.PLANNER;
    }

    @Override
    public Optional<Object> find(String name) {
        Map<String, Object> value = switch (name) {
            case Variables.PARTNER -> input.partner();
            case Variables.EVENT -> input.event();
            case Variables.CUSTOMER -> input.customer();
            case Variables.PERIOD -> input.period();
            case Variables.PRIOR -> input.prior();
            default -> null;
        };
        if (value == null) {
            if (!Variables.ALL.contains(name)) return Optional.empty();
            value = Map.of();
        }
        if (!wrap) return Optional.of(value);
        boolean measures = name.equals(Variables.PERIOD) || name.equals(Variables.PRIOR);
        return Optional.of(new InputMap(value, measures ? CelEnvironments.MEASURES_TYPE : OPEN_MAP));
    }
}

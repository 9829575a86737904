package dev.accrue.core.condition;

import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;

/**
 * Hands CEL the maps of a {@link ConditionInput} by name, without copying them into a new map per
 * evaluation. An absent map reads as empty, so a field of it is absent and the condition false.
 */
final class InputResolver implements CelVariableResolver {
    private final ConditionInput input;

    InputResolver(ConditionInput input) {
        this.input = input;
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
            return Variables.ALL.contains(name) ? Optional.of(Map.of()) : Optional.empty();
        }
        return Optional.of(value);
    }
}

package dev.accrue.core.program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors of one document, in the order found, up to {@link ProgramLimits#ERRORS_MAX}. */
final class Faults {
    private final String source;
    private final List<ProgramError> errors = new ArrayList<>();
    private boolean truncated;

    Faults(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void at(int line, int column, String field, String message) {
        if (errors.size() >= ProgramLimits.ERRORS_MAX) {
            truncated = true;
            return;
        }
        ProgramError error = new ProgramError(source, line, column, field, message);
        if (!errors.contains(error)) errors.add(error);
    }

    void at(YamlNode node, String field, String message) {
        at(node.line(), node.column(), field, message);
    }

    boolean any() {
        return !errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    /** The errors in document order (line, then column), so that they read top to bottom. */
    List<ProgramError> list() {
        List<ProgramError> all = new ArrayList<>(errors);
        all.sort(Comparator.comparingInt(ProgramError::line).thenComparingInt(ProgramError::column));
        if (!truncated) return List.copyOf(all);
        all.add(new ProgramError(source, 0, 0, "", "more than " + ProgramLimits.ERRORS_MAX + " errors; fix these and validate again"));
        return List.copyOf(all);
    }
}

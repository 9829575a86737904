package dev.accrue.core.condition;

import java.util.List;

/** The outcome of compiling one expression: the compiled value, or why it does not compile. */
public sealed interface CompileResult<T> {
    record Compiled<T>(T value) implements CompileResult<T> {}

    record Rejected<T>(List<ExpressionError> errors) implements CompileResult<T> {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) throw new IllegalArgumentException("a rejected expression has at least one error");
        }
    }
}

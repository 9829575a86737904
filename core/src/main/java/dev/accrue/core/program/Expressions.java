package dev.accrue.core.program;

import dev.accrue.core.condition.CompileResult;
import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.ConditionCompiler;
import dev.accrue.core.condition.ExpressionError;
import dev.accrue.core.condition.Scope;
import dev.accrue.core.condition.ValueExpression;
import java.util.List;

/**
 * Compiles the CEL expressions of a program document and reports their errors at the place in the
 * document where CEL points: the expression's own line, and the column inside it when the expression
 * is written on one line (plain or quoted). For a block scalar ({@code |}) the line inside the block.
 */
final class Expressions {
    private final ConditionCompiler compiler;
    private final Faults faults;
    private final List<String> lines;

    Expressions(ConditionCompiler compiler, Faults faults, List<String> lines) {
        this.compiler = compiler;
        this.faults = faults;
        this.lines = lines;
    }

    Condition condition(MapReader map, String key, boolean required, Scope scope) {
        YamlNode.Scalar scalar = source(map, key, required);
        if (scalar == null) return null;
        return switch (compiler.condition(sourceText(scalar), scope)) {
            case CompileResult.Compiled<Condition> compiled -> compiled.value();
            case CompileResult.Rejected<Condition> rejected -> report(scalar, map.path(key), rejected.errors());
        };
    }

    ValueExpression value(MapReader map, String key, Scope scope) {
        YamlNode.Scalar scalar = source(map, key, false);
        if (scalar == null) return null;
        return switch (compiler.value(sourceText(scalar), scope)) {
            case CompileResult.Compiled<ValueExpression> compiled -> compiled.value();
            case CompileResult.Rejected<ValueExpression> rejected -> report(scalar, map.path(key), rejected.errors());
        };
    }

    private YamlNode.Scalar source(MapReader map, String key, boolean required) {
        YamlNode value = map.value(key);
        if (value == null) {
            if (required) map.faults.at(map.node, map.path(key), "'" + key + "' is required");
            return null;
        }
        if (!(value instanceof YamlNode.Scalar scalar)) {
            faults.at(value, map.path(key), "expected a CEL expression, found " + value.describe());
            return null;
        }
        if (scalar.text().length() > ProgramLimits.EXPRESSION_LENGTH_MAX) {
            faults.at(scalar, map.path(key), "the expression is longer than " + ProgramLimits.EXPRESSION_LENGTH_MAX + " characters");
            return null;
        }
        return scalar;
    }

    /** The CEL source of a scalar; YAML's yes/on booleans become CEL's {@code true}. */
    private static String sourceText(YamlNode.Scalar scalar) {
        if (scalar.kind() == YamlNode.ScalarKind.BOOLEAN) return Scalars.isTrue(scalar) ? "true" : "false";
        return scalar.text();
    }

    private <T> T report(YamlNode.Scalar scalar, String field, List<ExpressionError> errors) {
        for (ExpressionError error : errors) {
            int[] at = place(scalar, error);
            faults.at(at[0], at[1], field, error.message());
        }
        return null;
    }

    /** The document line and column of an error inside the expression. */
    private int[] place(YamlNode.Scalar scalar, ExpressionError error) {
        if (error.line() <= 0) return new int[] {scalar.line(), scalar.column()};
        if (scalar.style() == '|') {
            int line = scalar.line() + error.line();
            return new int[] {line, error.column() <= 0 ? 0 : indentation(line) + error.column()};
        }
        if (error.line() == 1 && error.column() > 0 && writtenOnOneLine(scalar)) {
            return new int[] {scalar.line(), scalar.column() + (scalar.quoted() ? 1 : 0) + error.column() - 1};
        }
        return new int[] {scalar.line(), scalar.column()};
    }

    /** Whether the scalar's text stands verbatim on its first line (not folded, no escapes). */
    private boolean writtenOnOneLine(YamlNode.Scalar scalar) {
        if (scalar.style() == '>' || scalar.line() < 1 || scalar.line() > lines.size()) return false;
        String line = lines.get(scalar.line() - 1);
        int start = scalar.column() - 1 + (scalar.quoted() ? 1 : 0);
        return start >= 0 && line.startsWith(scalar.text(), start);
    }

    private int indentation(int line) {
        if (line < 1 || line > lines.size()) return 0;
        String text = lines.get(line - 1);
        int spaces = 0;
        while (spaces < text.length() && text.charAt(spaces) == ' ') spaces++;
        return spaces;
    }
}

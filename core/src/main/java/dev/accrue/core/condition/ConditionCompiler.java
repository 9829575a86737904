package dev.accrue.core.condition;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles CEL expressions of programs: parsed and type-checked against the variables of their
 * {@link Scope}, then planned for evaluation. Compile once per program version; the compiled
 * {@link Condition}s and {@link ValueExpression}s are immutable and safe to share between threads.
 * The compiler itself is immutable and thread-safe too; building one costs some milliseconds, so
 * use {@link #shared()}.
 */
public final class ConditionCompiler {
    private final CelEnvironments environments;
    private final RuntimeKind runtime;

    private ConditionCompiler(RuntimeKind runtime) {
        this.runtime = runtime;
        this.environments = new CelEnvironments(runtime);
    }

    /** The compiler on the faster runtime (the planner), built once. */
    public static ConditionCompiler shared() {
        return Shared.INSTANCE;
    }

    /** A compiler on the given runtime: for benchmarks that compare them. */
    public static ConditionCompiler create(RuntimeKind runtime) {
        return new ConditionCompiler(Objects.requireNonNull(runtime, "runtime"));
    }

    public RuntimeKind runtime() {
        return runtime;
    }

    /** A boolean condition; rejected when it does not compile or does not give true or false. */
    public CompileResult<Condition> condition(String source, Scope scope) {
        Checked checked = check(source, scope);
        if (checked.errors != null) return new CompileResult.Rejected<>(checked.errors);
        CelType type = checked.ast.getResultType();
        if (type.kind() != CelKind.BOOL && type.kind() != CelKind.DYN) {
            return new CompileResult.Rejected<>(List.of(new ExpressionError(IssueMessages.notACondition(type.name()), 1, 1)));
        }
        try {
            return new CompileResult.Compiled<>(new CelCondition(source, plan(checked.ast, scope), readsPeriod(checked.ast),
                    readsOnlyPeriod(checked.ast), runtime, EventMemo.forExpression(checked.ast)));
        } catch (CelEvaluationException e) {
            return new CompileResult.Rejected<>(List.of(new ExpressionError("cannot be prepared for evaluation: " + e.getMessage(), 0, 0)));
        }
    }

    /** An expression that yields a value, such as {@code event.rep_id}. */
    public CompileResult<ValueExpression> value(String source, Scope scope) {
        Checked checked = check(source, scope);
        if (checked.errors != null) return new CompileResult.Rejected<>(checked.errors);
        try {
            return new CompileResult.Compiled<>(new CelValueExpression(source, plan(checked.ast, scope), runtime));
        } catch (CelEvaluationException e) {
            return new CompileResult.Rejected<>(List.of(new ExpressionError("cannot be prepared for evaluation: " + e.getMessage(), 0, 0)));
        }
    }

    private record Checked(CelAbstractSyntaxTree ast, List<ExpressionError> errors) {}

    private Checked check(String source, Scope scope) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        if (source.isBlank()) return new Checked(null, List.of(new ExpressionError("the expression is empty", 1, 1)));
        Cel cel = environments.forScope(scope);
        CelValidationResult result = cel.compile(source);
        if (!result.hasError()) {
            try {
                return new Checked(result.getAst(), null);
            } catch (dev.cel.common.CelValidationException impossible) {
                throw new IllegalStateException("CEL reported no error but gave no AST for " + source, impossible);
            }
        }
        List<ExpressionError> errors = new ArrayList<>();
        for (CelIssue issue : result.getErrors()) {
            String message = IssueMessages.translate(issue.getMessage(), scope);
            int line = Math.max(0, issue.getSourceLocation().getLine());
            // CEL counts columns from 0, a program owner's editor from 1.
            int column = issue.getSourceLocation().getColumn() < 0 ? 0 : issue.getSourceLocation().getColumn() + 1;
            ExpressionError error = new ExpressionError(message, line, column);
            if (!errors.contains(error)) errors.add(error);
        }
        return new Checked(null, errors);
    }

    private Program plan(CelAbstractSyntaxTree ast, Scope scope) throws CelEvaluationException {
        return environments.forScope(scope).createProgram(ast);
    }

    /** Whether the checked expression reads the variable {@code period} or {@code prior}. */
    private static boolean readsPeriod(CelAbstractSyntaxTree ast) {
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (reference.overloadIds().isEmpty()
                    && (reference.name().equals(Variables.PERIOD) || reference.name().equals(Variables.PRIOR))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the checked expression reads {@code period} or {@code prior} and no other variable. */
    private static boolean readsOnlyPeriod(CelAbstractSyntaxTree ast) {
        if (!readsPeriod(ast)) return false;
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (reference.overloadIds().isEmpty() && (reference.name().equals(Variables.PARTNER)
                    || reference.name().equals(Variables.EVENT) || reference.name().equals(Variables.CUSTOMER))) {
                return false;
            }
        }
        return true;
    }

    private static final class Shared {
        static final ConditionCompiler INSTANCE = new ConditionCompiler(RuntimeKind.PLANNER);
    }
}

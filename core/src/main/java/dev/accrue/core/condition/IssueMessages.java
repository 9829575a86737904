package dev.accrue.core.condition;

import dev.accrue.core.program.Measures;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns CEL's compiler messages into sentences a program owner can act on. */
final class IssueMessages {
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'.*", Pattern.DOTALL);
    private static final Pattern UNDEFINED_FIELD = Pattern.compile("undefined field '([^']+)'.*", Pattern.DOTALL);
    private static final Pattern NO_OVERLOAD =
            Pattern.compile("found no matching overload for '([^']+)' applied to '\\((.*?)\\)'.*", Pattern.DOTALL);
    private static final Pattern EXPECTING = Pattern.compile("\\s*expecting .*", Pattern.DOTALL);

    /** CEL's internal names of operators, as the program owner wrote them. */
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("_<_", "<"), Map.entry("_<=_", "<="), Map.entry("_>_", ">"), Map.entry("_>=_", ">="),
            Map.entry("_==_", "=="), Map.entry("_!=_", "!="), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
            Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"), Map.entry("_&&_", "&&"),
            Map.entry("_||_", "||"), Map.entry("!_", "!"), Map.entry("-_", "-"), Map.entry("_[_]", "[...]"),
            Map.entry("@in", "in"), Map.entry("_?_:_", "? :"));

    private IssueMessages() {}

    static String translate(String celMessage, Scope scope) {
        Matcher matcher;
        if ((matcher = UNDECLARED.matcher(celMessage)).matches()) return undeclared(matcher.group(1), scope);
        if ((matcher = UNDEFINED_FIELD.matcher(celMessage)).matches()) return unknownMeasure(matcher.group(1));
        if ((matcher = NO_OVERLOAD.matcher(celMessage)).matches()) {
            String function = matcher.group(1);
            String operator = OPERATORS.get(function);
            String arguments = matcher.group(2).replace("accrue.Measures", "period measures");
            return operator != null
                    ? "'" + operator + "' cannot be applied to (" + arguments + ")"
                    : "function '" + function + "' cannot be applied to (" + arguments + ")";
        }
        if (celMessage.startsWith("mismatched input") || celMessage.startsWith("extraneous input")
                || celMessage.startsWith("no viable alternative") || celMessage.startsWith("token recognition error")
                || celMessage.startsWith("missing ")) {
            return "syntax error: " + EXPECTING.matcher(celMessage).replaceFirst("");
        }
        return celMessage;
    }

    static String notACondition(String typeName) {
        return "a condition must be true or false, but this expression gives a " + typeName
                + " (compare it, e.g. '>= 100000')";
    }

    private static String undeclared(String name, Scope scope) {
        String readable = String.join(", ", scope.variables());
        if (Variables.ALL.contains(name)) {
            return "'" + name + "' is not available in " + scope.description() + "; it can read " + readable;
        }
        String suggestion = Suggestions.closest(name, Variables.ALL);
        return "unknown name '" + name + "'" + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                + "; " + scope.description() + " can read " + readable;
    }

    private static String unknownMeasure(String field) {
        String suggestion = Suggestions.closest(field, Measures.ALL);
        return "'" + field + "' is not a period measure" + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                + "; period and prior have " + String.join(", ", Measures.ALL);
    }
}

package dev.accrue.core.condition;

/**
 * Why an expression does not compile, in words for a program owner.
 *
 * @param line   1-based line within the expression, 0 when CEL does not say
 * @param column 1-based column within the expression, 0 when CEL does not say
 */
public record ExpressionError(String message, int line, int column) {}

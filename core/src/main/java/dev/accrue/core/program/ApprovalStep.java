package dev.accrue.core.program;

import dev.accrue.core.money.Money;

/** One approval step: {@code role} approves alone amounts up to {@code upTo}; null means any amount. */
public record ApprovalStep(String role, Money upTo) {}

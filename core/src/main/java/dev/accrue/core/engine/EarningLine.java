package dev.accrue.core.engine;

import dev.accrue.core.money.Money;

/** One rule's part of an earning: the amount, the reason in words, and the reason in structure. */
public record EarningLine(String track, String rule, Money amount, String why, LineExplanation explanation) {}

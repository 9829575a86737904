package dev.accrue.core.program;

import dev.accrue.core.money.Money;

/** How posted balances are paid: cadence (monthly, quarterly...), a minimum (null: none), method, hold days. */
public record Payout(String cadence, Money minimum, String method, int holdDays) {}

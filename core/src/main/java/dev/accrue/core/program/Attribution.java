package dev.accrue.core.program;

import java.math.BigDecimal;

/**
 * How credit for a customer is found and shared. {@code model}: first_touch, last_touch, linear,
 * time_decay, position_based. {@code first}/{@code last} are the position-based shares (0.40), null otherwise;
 * {@code halfLifeDays} is time_decay's, 0 otherwise; {@code touch} the event type that counts as a touch.
 */
public record Attribution(String model, int lookbackDays, BigDecimal first, BigDecimal last, int halfLifeDays, String touch) {}

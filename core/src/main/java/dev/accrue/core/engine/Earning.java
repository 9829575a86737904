package dev.accrue.core.engine;

import dev.accrue.core.money.Money;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.util.List;

/**
 * What one payee earned under one program version in one period, in one unit, with its lines.
 *
 * @param partner  the partner whose activity earned it
 * @param payee    who is paid: the partner, or e.g. its rep for a SPIF
 * @param tier     the tier band reached (the first tiered rule's), or null
 * @param voidedBy the gate that voided the period's earnings, or null
 * @param closed   true once the period is closed (final); false while provisional
 */
public record Earning(
        ProgramId program,
        int programVersion,
        String partner,
        String payee,
        PeriodId period,
        Money amount,
        String tier,
        String voidedBy,
        boolean closed,
        List<EarningLine> lines) {
    public Earning {
        lines = List.copyOf(lines);
    }
}

package dev.accrue.core.program;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.time.ProgramCalendar;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of a program, as parsed and validated from YAML or JSON. Optional parts are
 * {@code null} when the program does not have them; lists are never null.
 *
 * @param unit       the program's currency ({@code currency:}) or non-cash unit ({@code unit:})
 * @param budget     the program's total budget, spent in event-time order (ties by event id), or null
 * @param extensions kind-specific blocks the engine passes through untouched (registration, redemption, ...)
 */
public record Program(
        ProgramId id,
        String name,
        ProgramKind kind,
        Unit unit,
        ProgramCalendar calendar,
        Effective effective,
        Money budget,
        Stacking stacking,
        Attribution attribution,
        Claims claims,
        List<ApprovalStep> approval,
        Payout payout,
        Clawback clawback,
        List<Track> tracks,
        Map<String, Object> extensions) {

    public Program {
        approval = List.copyOf(approval);
        tracks = List.copyOf(tracks);
        extensions = Map.copyOf(extensions);
        if (claims == null) claims = Claims.NONE;
    }
}

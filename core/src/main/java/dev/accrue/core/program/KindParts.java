package dev.accrue.core.program;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kind-specific blocks the engine keeps as maps: a deal_registration program's
 * {@code registration}, a loyalty program's {@code redemption} (both in {@link Program#extensions()})
 * and an mdf track's {@code fund} ({@link Track#fund()}). They are checked for shape here; the values
 * in the maps are typed: whole numbers as {@code Long}, rates as {@link Rate}, amounts as {@link Money}
 * in the program's unit, texts as {@code String}, lists as {@code List}.
 */
final class KindParts {
    static final List<String> CONFLICT_RULES = List.of("first_approved");
    /** {@code period_end}, {@code period_end_plus_60_days} or {@code never}. */
    private static final Pattern EXPIRES = Pattern.compile("period_end(_plus_\\d{1,4}_days)?|never");

    private final ProgramKind kind;
    private final Unit unit;

    KindParts(ProgramKind kind, Unit unit) {
        this.kind = kind;
        this.unit = unit;
    }

    void registration(MapReader doc, Map<String, Object> extensions) {
        if (!doc.has("registration") || !allowedFor(doc, "registration", ProgramKind.DEAL_REGISTRATION)) return;
        MapReader registration = doc.map("registration", true, "registration");
        if (registration == null) return;
        registration.allowOnly("registration", List.of("valid_days", "conflict", "match"));
        Integer validDays = registration.whole("valid_days", true, 1, ProgramLimits.DAYS_MAX);
        String conflict = registration.oneOf("conflict", true, CONFLICT_RULES);
        List<String> match = registration.texts("match", true, ProgramLimits.LIST_ITEMS_MAX);
        if (match != null && match.isEmpty()) registration.error("match", "name at least one field a sale must share with the registration, e.g. [customer_id]");
        if (validDays == null || conflict == null || match == null) return;
        extensions.put("registration", Map.of("valid_days", (long) validDays, "conflict", conflict, "match", List.copyOf(match)));
    }

    void redemption(MapReader doc, Map<String, Object> extensions) {
        if (!doc.has("redemption") || !allowedFor(doc, "redemption", ProgramKind.LOYALTY)) return;
        MapReader redemption = doc.map("redemption", true, "redemption");
        if (redemption == null) return;
        redemption.allowOnly("redemption", List.of("catalog"));
        List<MapReader> items = redemption.maps("catalog", true, ProgramLimits.LIST_ITEMS_MAX, "a catalog entry");
        if (items == null) return;
        List<Map<String, Object>> catalog = new ArrayList<>();
        List<String> benefits = new ArrayList<>();
        for (MapReader item : items) {
            item.allowOnly("a catalog entry", List.of("benefit", "cost"));
            String benefit = item.text("benefit", true);
            Money cost = item.money("cost", unit, true, false);
            if (benefit != null && benefits.contains(benefit)) item.error("benefit", "'" + benefit + "' is in the catalog twice");
            if (benefit == null || cost == null) continue;
            benefits.add(benefit);
            catalog.add(Map.of("benefit", benefit, "cost", cost));
        }
        extensions.put("redemption", Map.of("catalog", List.copyOf(catalog)));
    }

    /** An mdf track's fund: {@code allocate {basis, rate, max}}, {@code reimburse {share, proof}}, {@code preapproval}, {@code expires}. */
    Map<String, Object> fund(MapReader track) {
        if (!track.has("fund") || !allowedFor(track, "fund", ProgramKind.MDF)) return null;
        MapReader fund = track.map("fund", true, "a fund");
        if (fund == null) return null;
        fund.allowOnly("a fund", List.of("allocate", "reimburse", "preapproval", "expires"));
        Map<String, Object> result = new LinkedHashMap<>();
        boolean complete = true;
        MapReader allocate = fund.map("allocate", true, "the fund's allocation");
        complete &= allocate != null;
        if (allocate != null) {
            allocate.allowOnly("allocate", List.of("basis", "rate", "max"));
            String basis = allocate.text("basis", true);
            if (basis != null && !MeasureBasis.isPeriodOrPriorMeasure(basis)) {
                allocate.error("basis", "'" + basis + "' is not a period measure; a fund is allocated from prior.<measure> or period.<measure>, "
                        + "where the measure is one of " + String.join(", ", Measures.NUMERIC));
                basis = null;
            }
            Rate rate = allocate.rate("rate", true);
            if (rate != null && rate.value().compareTo(BigDecimal.ONE) > 0) {
                allocate.error("rate", "an allocation rate is a share of the basis, at most 100%");
                rate = null;
            }
            Money max = allocate.money("max", unit, false, false);
            complete &= basis != null && rate != null;
            if (basis != null && rate != null) {
                result.put("allocate", max == null ? Map.of("basis", basis, "rate", rate) : Map.of("basis", basis, "rate", rate, "max", max));
            }
        }
        MapReader reimburse = fund.map("reimburse", true, "the fund's reimbursement");
        complete &= reimburse != null;
        if (reimburse != null) {
            reimburse.allowOnly("reimburse", List.of("share", "proof"));
            Rate share = reimburse.rate("share", true);
            if (share != null && share.value().compareTo(BigDecimal.ONE) > 0) {
                reimburse.error("share", "a reimbursed share is at most 100% of the cost");
                share = null;
            }
            List<String> proof = reimburse.texts("proof", true, ProgramLimits.LIST_ITEMS_MAX);
            complete &= share != null && proof != null;
            if (share != null && proof != null) result.put("reimburse", Map.of("share", share, "proof", List.copyOf(proof)));
        }
        Boolean preapproval = fund.bool("preapproval", false);
        result.put("preapproval", Boolean.TRUE.equals(preapproval));
        String expires = fund.text("expires", false);
        if (expires != null && !EXPIRES.matcher(expires).matches()) {
            fund.error("expires", "'" + expires + "' is not period_end, period_end_plus_<N>_days or never");
            complete = false;
        }
        if (expires != null) result.put("expires", expires);
        return complete ? Map.copyOf(result) : null;
    }

    private boolean allowedFor(MapReader map, String key, ProgramKind required) {
        if (kind == null || kind == required) return true;
        map.error(key, key + " belongs to " + required.code() + " programs; this one is " + kind.code());
        return false;
    }
}

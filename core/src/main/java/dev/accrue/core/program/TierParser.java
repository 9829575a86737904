package dev.accrue.core.program;

import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Parses {@code tiers {measure, mode, bands[]}}: bands start at 0 and rise strictly, without overlap. */
final class TierParser {
    static final List<String> MEASURES = Stream.concat(Stream.of(Tiers.QUALIFYING), Measures.NUMERIC.stream()).toList();
    static final List<String> MODES = List.of("retroactive", "incremental");

    private final MapReader tiers;
    private final Unit unit;
    private final RateRules rates;

    TierParser(MapReader tiers, Unit unit, RateRules rates) {
        this.tiers = tiers;
        this.unit = unit;
        this.rates = rates;
    }

    Tiers parse() {
        int faultsBefore = tiers.faults.count();
        tiers.allowOnly("tiers", List.of("measure", "mode", "bands"));
        String measure = tiers.oneOf("measure", true, MEASURES);
        String mode = tiers.oneOf("mode", true, MODES);
        List<MapReader> items = tiers.maps("bands", true, ProgramLimits.TIER_BANDS_MAX, "a tier band");
        List<TierBand> bands = items == null ? List.of() : bands(items);
        if (items != null && items.isEmpty()) tiers.error("bands", "tiers need at least one band, starting from 0");
        if (tiers.faults.count() > faultsBefore || measure == null || mode == null) return null;
        return new Tiers(measure, TierMode.valueOf(mode.toUpperCase(Locale.ROOT)), bands);
    }

    private List<TierBand> bands(List<MapReader> items) {
        List<TierBand> bands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        TierBand previous = null;
        for (int i = 0; i < items.size(); i++) {
            MapReader band = items.get(i);
            band.allowOnly("a tier band", List.of("name", "from", "rate", "benefits"));
            String name = band.text("name", false);
            BigDecimal from = band.decimal("from", true);
            Rate rate = rates.checkEarningRate(band, "rate", band.rate("rate", true), unit);
            List<String> benefits = band.texts("benefits", false, ProgramLimits.LIST_ITEMS_MAX);
            if (name != null && !names.add(name)) band.error("name", "another band is also named '" + name + "'");
            if (from != null && from.signum() < 0) {
                band.error("from", "a band starts from 0 or more, found " + from.toPlainString());
                from = null;
            }
            if (from == null || rate == null) {
                previous = null; // order is judged between bands that could be read
                continue;
            }
            TierBand current = new TierBand(name, from, rate, benefits == null ? List.of() : benefits);
            if (i == 0 && from.signum() != 0) {
                band.error("from", "the first band starts from 0 (what is earned before any band is reached), found " + from.toPlainString());
            }
            if (previous != null) ordered(band, previous, current);
            bands.add(current);
            previous = current;
        }
        return bands;
    }

    private static void ordered(MapReader band, TierBand previous, TierBand current) {
        int order = current.from().compareTo(previous.from());
        if (order == 0) {
            band.error("from", "band " + quoted(current) + " starts from " + current.from().toPlainString() + ", the same as band "
                    + quoted(previous) + "; bands must not overlap: each starts above the one before");
        } else if (order < 0) {
            band.error("from", "band " + quoted(current) + " (from " + current.from().toPlainString() + ") comes after band "
                    + quoted(previous) + " (from " + previous.from().toPlainString() + "); list bands in ascending order of from");
        }
    }

    private static String quoted(TierBand band) {
        return band.name() != null ? "'" + band.name() + "'" : "'" + band.label() + "'";
    }
}

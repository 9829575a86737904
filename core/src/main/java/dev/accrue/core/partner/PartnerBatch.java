package dev.accrue.core.partner;

import dev.accrue.core.event.LineError;
import java.util.List;

/**
 * The partners of a whole input, in order of first appearance, each with its effective-dated history, and
 * the lines that were refused.
 */
public record PartnerBatch(List<Partner> partners, List<LineError> errors) {
    public PartnerBatch {
        partners = List.copyOf(partners);
        errors = List.copyOf(errors);
    }
}

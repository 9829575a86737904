package dev.accrue.core.engine;

import dev.accrue.core.partner.Partner;

/** Where the engine finds partners; null for a partner it does not know. */
@FunctionalInterface
public interface PartnerLookup {
    Partner find(String partnerId);
}

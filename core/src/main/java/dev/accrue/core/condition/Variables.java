package dev.accrue.core.condition;

import java.util.List;

/** The names of the variables CEL expressions read. */
final class Variables {
    static final String PARTNER = "partner";
    static final String EVENT = "event";
    static final String CUSTOMER = "customer";
    static final String PERIOD = "period";
    static final String PRIOR = "prior";

    static final List<String> ALL = List.of(PARTNER, EVENT, CUSTOMER, PERIOD, PRIOR);

    private Variables() {}
}

package dev.accrue.core.program;

/** Retroactive: the reached band's rate applies to the whole period. Incremental: each slice earns its own band's rate. */
public enum TierMode {
    RETROACTIVE, INCREMENTAL
}

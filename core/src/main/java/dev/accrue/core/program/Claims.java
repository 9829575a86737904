package dev.accrue.core.program;

import java.util.List;

/** Whether earnings must be claimed with proof within {@code windowDays} after the period. */
public record Claims(boolean required, int windowDays, List<String> proof) {
    public static final Claims NONE = new Claims(false, 0, List.of());

    public Claims {
        proof = List.copyOf(proof);
    }
}

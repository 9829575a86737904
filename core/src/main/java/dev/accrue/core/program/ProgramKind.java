package dev.accrue.core.program;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of program in DESIGN.md; one model, a few kind-specific parts. */
public enum ProgramKind {
    REBATE("rebate"), VOLUME_DISCOUNT("volume_discount"), SPIF("spif"), MDF("mdf"), COOP("coop"),
    DEAL_REGISTRATION("deal_registration"), REFERRAL("referral"), INTEGRATION("integration"), LOYALTY("loyalty");

    private final String code;

    ProgramKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ProgramKind parse(String text) {
        for (ProgramKind kind : values()) if (kind.code.equals(text)) return kind;
        throw new IllegalArgumentException("kind is one of " + Arrays.stream(values()).map(ProgramKind::code)
                .collect(Collectors.joining(", ")) + "; got '" + text + "'");
    }
}

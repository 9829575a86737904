package dev.accrue.core.engine;

import dev.accrue.core.program.Program;

/** A program as stored: its number among the versions of the same program id. */
public record ProgramVersion(Program program, int version) {
    public ProgramVersion {
        if (version < 1) throw new IllegalArgumentException("versions count from 1");
    }
}

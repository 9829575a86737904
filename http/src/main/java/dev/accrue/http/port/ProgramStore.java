package dev.accrue.http.port;

import java.util.List;
import java.util.Optional;

/** Program versions. Versions are only added; {@link #append} fails with a DUPLICATE conflict if the number is taken. */
public interface ProgramStore {
    Optional<ProgramVersion> latest(String programId);

    List<ProgramVersion> latestOfEach(int limit);

    List<ProgramVersion> versions(String programId, int limit);

    Optional<ProgramVersion> version(String programId, int version);

    void append(ProgramVersion version);
}

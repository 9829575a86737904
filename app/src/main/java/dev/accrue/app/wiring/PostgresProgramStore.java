package dev.accrue.app.wiring;

import dev.accrue.http.port.ProgramStore;
import dev.accrue.http.port.ProgramVersion;
import dev.accrue.postgres.programs.ProgramRepository;
import dev.accrue.postgres.programs.StoredProgramVersion;
import java.util.List;
import java.util.Optional;

/** The API's program store on the PostgreSQL repository. */
final class PostgresProgramStore implements ProgramStore {
    private final ProgramRepository repository;

    PostgresProgramStore(ProgramRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<ProgramVersion> latest(String programId) {
        return repository.latest(programId).map(PostgresProgramStore::toPort);
    }

    @Override
    public List<ProgramVersion> latestOfEach(int limit) {
        return repository.latestOfEach(limit).stream().map(PostgresProgramStore::toPort).toList();
    }

    @Override
    public List<ProgramVersion> versions(String programId, int limit) {
        return repository.versions(programId, limit).stream().map(PostgresProgramStore::toPort).toList();
    }

    @Override
    public Optional<ProgramVersion> version(String programId, int version) {
        return repository.version(programId, version).map(PostgresProgramStore::toPort);
    }

    @Override
    public void append(ProgramVersion v) {
        Conflicts.run(() -> repository.append(new StoredProgramVersion(v.programId(), v.version(), v.name(), v.kind(),
                v.sourceFormat(), v.sourceText(), v.canonicalJson(), v.canonicalSha256(), v.effectiveFrom(), v.createdBy(), v.createdAt())));
    }

    private static ProgramVersion toPort(StoredProgramVersion v) {
        return new ProgramVersion(v.programId(), v.version(), v.name(), v.kind(), v.sourceFormat(), v.sourceText(),
                v.canonicalJson(), v.canonicalSha256(), v.effectiveFrom(), v.createdBy(), v.createdAt());
    }
}

package dev.accrue.postgres.programs;

import dev.accrue.postgres.StoreConflict;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Program versions in PostgreSQL. Versions are only ever added (a trigger refuses updates and deletes);
 * the caller picks the next number, and a number taken meanwhile by another writer is a
 * {@link StoreConflict} of kind DUPLICATE, so two concurrent posts cannot both become version n.
 */
public final class ProgramRepository {
    private static final RowMapper<StoredProgramVersion> ROW = (rs, ctx) -> new StoredProgramVersion(
            rs.getString("program_id"), rs.getInt("version"), rs.getString("name"), rs.getString("kind"),
            rs.getString("source_format"), rs.getString("source_text"), rs.getString("canonical_json"),
            rs.getString("canonical_sha256"), rs.getObject("effective_from", java.time.LocalDate.class),
            rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant());

    private final Jdbi jdbi;

    public ProgramRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<StoredProgramVersion> latest(String programId) {
        return jdbi.withHandle(handle -> handle.createQuery(ProgramSql.LATEST).bind("programId", programId).map(ROW).findOne());
    }

    public List<StoredProgramVersion> latestOfEach(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(ProgramSql.LATEST_OF_EACH).bind("limit", limit).map(ROW).list());
    }

    public List<StoredProgramVersion> versions(String programId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(ProgramSql.VERSIONS)
                .bind("programId", programId).bind("limit", limit).map(ROW).list());
    }

    public Optional<StoredProgramVersion> version(String programId, int version) {
        return jdbi.withHandle(handle -> handle.createQuery(ProgramSql.VERSION)
                .bind("programId", programId).bind("version", version).map(ROW).findOne());
    }

    /** Adds {@code version}; a conflict of kind DUPLICATE if its number is taken. */
    public void append(StoredProgramVersion version) {
        StoreConflict.translate(() -> jdbi.inTransaction(handle -> {
            handle.createUpdate(ProgramSql.ENSURE_PROGRAM).bindMethods(version).execute();
            return handle.createUpdate(ProgramSql.INSERT_VERSION).bindMethods(version)
                    .bind("createdAt", java.sql.Timestamp.from(version.createdAt())).execute();
        }));
    }
}

package dev.accrue.postgres.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.postgres.Database;
import dev.accrue.postgres.StoreConflict;
import dev.accrue.postgres.TestDatabases;
import dev.accrue.postgres.access.AccessRepository;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProgramRepositoryTest {
    private static Database database;
    private static ProgramRepository programs;
    private static long author;

    @BeforeAll
    static void open() {
        database = TestDatabases.fresh();
        programs = new ProgramRepository(database.jdbi());
        author = new AccessRepository(database.jdbi()).createUser("author", "admin", null, null, Instant.EPOCH).id();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static StoredProgramVersion version(String id, int number, String json) {
        return new StoredProgramVersion(id, number, "Name", "rebate", "yaml", "program: " + id, json,
                "a".repeat(63) + number, LocalDate.of(2026, 1, 1), author, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void versionsAreKeptInOrderAndTheLatestIsTheHighestNumber() {
        programs.append(version("ordered", 1, "{}"));
        programs.append(version("ordered", 2, "{\"a\":1}"));
        assertThat(programs.versions("ordered", 10)).extracting(StoredProgramVersion::version).containsExactly(1, 2);
        assertThat(programs.latest("ordered")).get().extracting(StoredProgramVersion::canonicalJson).isEqualTo("{\"a\":1}");
        assertThat(programs.version("ordered", 1)).get().isEqualTo(version("ordered", 1, "{}"));
    }

    @Test
    void aVersionNumberTakenMeanwhileIsADuplicateConflict() {
        programs.append(version("raced", 1, "{}"));
        assertThatThrownBy(() -> programs.append(version("raced", 1, "{\"b\":2}")))
                .isInstanceOfSatisfying(StoreConflict.class, conflict -> assertThat(conflict.kind()).isEqualTo(StoreConflict.Kind.DUPLICATE));
    }

    @Test
    void storedVersionsCannotBeChanged() {
        programs.append(version("frozen", 1, "{}"));
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("UPDATE program_versions SET name = 'x' WHERE program_id = 'frozen'")))
                .hasMessageContaining("immutable");
    }

    @Test
    void latestOfEachGivesOneVersionPerProgram() {
        programs.append(version("each-a", 1, "{}"));
        programs.append(version("each-a", 2, "{\"c\":3}"));
        programs.append(version("each-b", 1, "{}"));
        assertThat(programs.latestOfEach(100)).filteredOn(v -> v.programId().startsWith("each-"))
                .extracting(v -> v.programId() + "@" + v.version()).containsExactly("each-a@2", "each-b@1");
    }
}

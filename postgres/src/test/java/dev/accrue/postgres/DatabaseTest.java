package dev.accrue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path data;

    @Test
    void embeddedDatabaseKeepsItsRowsAcrossARestart() {
        try (Database database = Database.embedded(data)) {
            assertThat(database.migrations().applied()).isPositive();
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE survivor (note text)"));
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO survivor VALUES ('still here')"));
        }
        try (Database database = Database.embedded(data)) {
            assertThat(database.migrations().applied()).isZero();
            String note = database.jdbi().withHandle(handle -> handle.createQuery("SELECT note FROM survivor").mapTo(String.class).one());
            assertThat(note).isEqualTo("still here");
            String fsync = database.jdbi().withHandle(handle -> handle.createQuery("SHOW fsync").mapTo(String.class).one());
            assertThat(fsync).as("the system of record syncs its writes").isEqualTo("on");
            assertThat(setting(database, "synchronous_commit")).as("a commit waits for its WAL on disk").isEqualTo("on");
            assertThat(setting(database, "wal_init_zero")).as("new WAL segments are not zero-filled first").isEqualTo("off");
        }
        assertThat(Files.isDirectory(data.resolve(Database.CLUSTER_FOLDER))).isTrue();
    }

    @Test
    void aSecondProcessOnTheSameDataFolderIsRefusedWithAClearMessage() {
        try (Database first = Database.embedded(data)) {
            assertThatThrownBy(() -> Database.embedded(data))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("in use by another Accrue process");
        }
    }

    @Test
    void anExternalUrlThatIsNotPostgresIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Database.external("jdbc:mysql://localhost/accrue", null, null))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void freshTestDatabasesAreMigratedAndSeparate() {
        try (Database one = TestDatabases.fresh(); Database two = TestDatabases.fresh()) {
            one.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO users (name, role, created_at) VALUES ('only in one', 'admin', now())"));
            int inTwo = two.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM users").mapTo(Integer.class).one());
            assertThat(inTwo).isZero();
        }
    }

    private static String setting(Database database, String name) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT current_setting(:name)").bind("name", name).mapTo(String.class).one());
    }
}

package dev.accrue.postgres;

import com.zaxxer.hikari.HikariConfig;
import dev.accrue.core.Invariants;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The system of record: a pool of connections to PostgreSQL, migrated to the latest schema when opened.
 * Either an embedded server that this process starts, with its files in a data folder kept across
 * restarts ({@link #embedded}), or an existing server reached by a JDBC URL ({@link #external}).
 * Close it to return the connections and stop the embedded server.
 *
 * <p>Migrations are plain SQL in {@code classpath:db/migration}: {@code V1}..{@code V19} programs,
 * partners and access; {@code V20}..{@code V29} the ledger; {@code V30}+ ingestion.
 */
public final class Database implements AutoCloseable {
    public static final String MIGRATIONS = "classpath:db/migration";
    public static final int POOL_SIZE_MAX = 16;
    /** The embedded cluster lives in this sub-folder of the data folder, leaving room for other files beside it. */
    public static final String CLUSTER_FOLDER = "postgres";
    private static final String DATABASE_NAME = "accrue";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedServer server;
    private final String description;
    private final Migrations migrations;

    private Database(HikariDataSource dataSource, EmbeddedServer server, String description, Migrations migrations) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.server = server;
        this.description = description;
        this.migrations = migrations;
    }

    /** Where the embedded database keeps its files unless told otherwise: {@code ~/.accrue/data}. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".accrue", "data");
    }

    /** Starts (creating on first use) the embedded PostgreSQL with its files under {@code dataDirectory}, and migrates it. */
    public static Database embedded(Path dataDirectory) {
        Path cluster = dataDirectory.toAbsolutePath().normalize().resolve(CLUSTER_FOLDER);
        EmbeddedServer server = EmbeddedServer.durable(cluster);
        try {
            ensureDatabase(server, DATABASE_NAME);
            return open(server.jdbcUrl(DATABASE_NAME), EmbeddedServer.SUPERUSER, null, POOL_SIZE_MAX, server,
                    "embedded PostgreSQL in " + dataDirectory.toAbsolutePath().normalize(), true);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to an existing PostgreSQL server and migrates it. {@code user} and {@code password} may be null (then the URL's are used). */
    public static Database external(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseException("a database URL looks like jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD, got '" + jdbcUrl + "'");
        }
        return open(jdbcUrl, user, password, POOL_SIZE_MAX, null, "PostgreSQL at " + withoutParameters(jdbcUrl), true);
    }

    /** A database on a server started elsewhere in this process (the test fixture), migrated or not. */
    static Database onServer(EmbeddedServer server, String name, int poolSize, boolean migrate) {
        return open(server.jdbcUrl(name), EmbeddedServer.SUPERUSER, null, poolSize, null, "database " + name + " on port " + server.port(), migrate);
    }

    private static Database open(String url, String user, String password, int poolSize, EmbeddedServer server,
                                 String description, boolean migrate) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        // Flyway holds one connection for its lock and works on a second: a pool needs two to migrate.
        Invariants.check(!migrate || poolSize >= 2, "a pool that migrates has at least two connections");
        config.setPoolName("accrue");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("could not connect to " + description + ": " + rootMessage(e), e);
        }
        try {
            Migrations migrations = migrate ? migrate(dataSource) : Migrations.NONE;
            return new Database(dataSource, server, description, migrations);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    static Migrations migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS)
                    .failOnMissingLocations(true).load().migrate();
            return new Migrations(result.migrationsExecuted, result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
        } catch (FlywayException e) {
            throw new DatabaseException("could not migrate the database: " + e.getMessage(), e);
        }
    }

    static void ensureDatabase(EmbeddedServer server, String name) {
        Jdbi postgres = Jdbi.create(server.jdbcUrl("postgres"));
        postgres.useHandle(handle -> {
            boolean exists = handle.createQuery("SELECT count(*) > 0 FROM pg_database WHERE datname = :name")
                    .bind("name", name).mapTo(Boolean.class).one();
            if (!exists) handle.execute("CREATE DATABASE " + name);
        });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Which database this is, for people: never contains a password. */
    public String description() {
        return description;
    }

    /** What the migration at open did. */
    public Migrations migrations() {
        return migrations;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            if (server != null) server.close();
        }
    }

    /** How many migrations were applied when the database was opened, and the schema version it is at. */
    public record Migrations(int applied, String schemaVersion) {
        static final Migrations NONE = new Migrations(0, null);
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage();
    }
}

package dev.accrue.postgres.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL for the ledger tests of this JVM, migrated once into a template database;
 * each test gets a fresh database copied from the template, so tests never see each other's rows and
 * nothing has to be deleted (the ledger's tables refuse it anyway).
 */
final class LedgerTestDatabase {
    private static final String TEMPLATE = "ledger_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private LedgerTestDatabase() {}

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + TEMPLATE);
                }
                Flyway.configure().dataSource(postgres.getJdbcUrl("postgres", TEMPLATE), "postgres", "")
                        .locations("classpath:db/migration").load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres;
    }

    /** A new, migrated, empty database with a pool of {@code poolSize} connections. */
    static HikariDataSource fresh(int poolSize) {
        EmbeddedPostgres server = postgres();
        String name = "ledger_test_" + NEXT.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}

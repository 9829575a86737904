package dev.accrue.app;

import dev.accrue.postgres.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db} / {@code --data}: an existing PostgreSQL by URL, or the embedded one with its files in a folder. */
final class DatabaseOptions {
    static final String URL_VARIABLE = "ACCRUE_DB_URL";
    static final String USER_VARIABLE = "ACCRUE_DB_USER";
    static final String PASSWORD_VARIABLE = "ACCRUE_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "An existing PostgreSQL, e.g. jdbc:postgresql://HOST:5432/accrue?user=U&password=P "
                    + "(default: $" + URL_VARIABLE + ", else the embedded database). $" + USER_VARIABLE + " and $"
                    + PASSWORD_VARIABLE + " give the credentials if the URL does not.")
    String url;

    @Option(names = "--data", paramLabel = "DIR", description = "The embedded database's folder (default: ~/.accrue/data).")
    Path data;

    /** Opens (and migrates) the database these options name. */
    Database open() {
        String jdbcUrl = url != null ? url : System.getenv(URL_VARIABLE);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return Database.external(jdbcUrl, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
        }
        return Database.embedded(data != null ? data : Database.defaultDataDirectory());
    }
}

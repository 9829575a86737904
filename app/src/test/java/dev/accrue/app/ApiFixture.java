package dev.accrue.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accrue.http.ApiKeys;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.User;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** A real server on a fresh database, called over real HTTP; one per test class. */
final class ApiFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    final Server server;
    final String adminKey;
    final String baseUrl;

    ApiFixture() {
        this(TestDatabases.fresh());
    }

    ApiFixture(Database database) {
        // The close scheduler stays out of the way: tests close periods themselves.
        this(database, Clock.systemUTC(), new Server.BooksOptions(java.time.Duration.ofDays(3), java.time.Duration.ofHours(1)));
    }

    ApiFixture(Database database, Clock clock, Server.BooksOptions books) {
        server = Server.start(database, "127.0.0.1", 0, clock, books);
        adminKey = server.bootstrapAdmin(Clock.systemUTC()).map(ApiKeys.Issued::text)
                .orElseGet(() -> keyFor("admin-" + System.nanoTime(), Role.ADMIN, null));
        baseUrl = "http://localhost:" + server.port() + "/api/v1";
    }

    /** A new user with {@code role} (bound to {@code partnerId} for the partner role) and a key of theirs. */
    String keyFor(String name, Role role, String partnerId) {
        User user = server.stores().access().createUser(name, role, partnerId, null, Clock.systemUTC().instant());
        return ApiKeys.issue(server.stores().access(), user.id(), null, null, Clock.systemUTC().instant()).text();
    }

    record Reply(int status, String contentType, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    Reply call(String method, String path, String key, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) request.header("Authorization", "Bearer " + key);
        if (contentType != null) request.header("Content-Type", contentType);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path, String key) {
        return call("GET", path, key, null, null);
    }

    Reply postJson(String path, String key, String json) {
        return call("POST", path, key, json, "application/json");
    }

    Reply putJson(String path, String key, String json) {
        return call("PUT", path, key, json, "application/json");
    }

    @Override
    public void close() {
        server.close();
    }
}

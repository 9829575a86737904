package dev.accrue.app.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of Accrue's REST API, for the command line (import, demo loading). */
public final class ApiClient {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    /** {@code baseUrl} like {@code http://localhost:8080} (with or without {@code /api/v1}). */
    public ApiClient(String baseUrl, String key) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.baseUrl = trimmed.endsWith("/api/v1") ? trimmed : trimmed + "/api/v1";
        this.key = key;
    }

    public record Response(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ApiUnreachable("cannot reach " + baseUrl + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachable("interrupted while calling " + baseUrl, e);
        }
    }

    /** The server could not be reached at all. */
    public static final class ApiUnreachable extends RuntimeException {
        ApiUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

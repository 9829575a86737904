package dev.accrue.app;

import dev.accrue.app.client.ApiClient;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --url} and {@code --key} of commands that talk to a running server through its API. */
final class ServerOptions {
    static final String KEY_VARIABLE = "ACCRUE_API_KEY";
    static final String URL_VARIABLE = "ACCRUE_URL";
    static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--url", paramLabel = "URL", description = "The server (default: $" + URL_VARIABLE + ", else " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--key", paramLabel = "KEY", description = "An API key whose role may do this (default: $" + KEY_VARIABLE + ").")
    String key;

    /** A client for the server, or null after saying on {@code err} that no key was given. */
    ApiClient client(String command, PrintWriter err) {
        String apiKey = key != null ? key : System.getenv(KEY_VARIABLE);
        if (apiKey == null || apiKey.isBlank()) {
            err.println(command + ": give an API key with --key or $" + KEY_VARIABLE);
            return null;
        }
        return new ApiClient(url != null ? url : System.getenv().getOrDefault(URL_VARIABLE, DEFAULT_URL), apiKey);
    }

    /** What to say when the server cannot be reached. */
    static String unreachable(String command, ApiClient.ApiUnreachable e) {
        return command + ": " + e.getMessage() + " (is 'accrue serve' running? --url)";
    }
}

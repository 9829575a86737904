package dev.accrue.http;

import dev.accrue.http.port.Stores;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The REST API under {@value #BASE}: Javalin on Jetty with virtual threads. Handlers are thin — parse,
 * authorize, call one use case, render — and every error is a problem document.
 */
public final class ApiServer implements AutoCloseable {
    public static final String BASE = "/api/v1";
    static final String OPENAPI_RESOURCE = "/dev/accrue/http/openapi.json";

    private final Javalin javalin;
    private final List<String> routes;

    private ApiServer(Javalin javalin, List<String> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    /** Starts on {@code host}:{@code port} (port 0: any free port; see {@link #port()}). */
    public static ApiServer start(String host, int port, Stores stores, Clock clock) {
        Authentication authentication = new Authentication(stores.access());
        ProgramCurrencies currencies = new ProgramCurrencies(stores.programs());
        ProgramRoutes programs = new ProgramRoutes(new ProgramService(stores.programs(), clock, currencies::changed));
        EventRoutes events = new EventRoutes(new EventService(stores.events(), stores.partners(), stores.books(), currencies));
        PartnerRoutes partners = new PartnerRoutes(new PartnerService(stores.partners(), clock), clock);
        AccessRoutes access = new AccessRoutes(new AccessService(stores.access(), clock));
        BooksRoutes books = new BooksRoutes(stores.books());
        String openApi = openApi();
        List<String> registered = new ArrayList<>();
        Javalin javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Limits.BODY_BYTES_MAX;
            config.http.prefer405over404 = true;
            config.jetty.host = host;
            config.jetty.port = port;
            Problems.register(config.routes);
            config.routes.beforeMatched(BASE + "/*", authentication::authenticate);
            RouteTable table = new RouteTable(config.routes);
            table.get(BASE + "/health", ctx -> health(ctx, stores));
            table.get(BASE + "/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(openApi));
            programs.register(table);
            partners.register(table);
            access.register(table);
            books.register(table);
            events.register(table);
            registered.addAll(table.registered());
        });
        javalin.start();
        return new ApiServer(javalin, List.copyOf(registered));
    }

    private static void health(io.javalin.http.Context ctx, Stores stores) {
        try {
            stores.access().userCount();
            Json.respond(ctx, 200, Map.of("status", "ok", "database", "up"));
        } catch (RuntimeException e) {
            Json.respond(ctx, 503, Map.of("status", "unavailable", "database", "down"));
        }
    }

    private static String openApi() {
        try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the OpenAPI document is missing from the jar: " + OPENAPI_RESOURCE);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every route as "METHOD /path" (path parameters as {name}), for holding the OpenAPI document true. */
    public List<String> routes() {
        return routes;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}

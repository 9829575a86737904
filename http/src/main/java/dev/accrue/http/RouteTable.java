package dev.accrue.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers routes with Javalin and remembers them, so a test can hold the OpenAPI document to the routes that exist. */
final class RouteTable {
    private final RoutesConfig routes;
    private final List<String> registered = new ArrayList<>();

    RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, Handler handler) {
        registered.add("GET " + path);
        routes.get(path, handler);
    }

    void post(String path, Handler handler) {
        registered.add("POST " + path);
        routes.post(path, handler);
    }

    void put(String path, Handler handler) {
        registered.add("PUT " + path);
        routes.put(path, handler);
    }

    void delete(String path, Handler handler) {
        registered.add("DELETE " + path);
        routes.delete(path, handler);
    }

    List<String> registered() {
        return List.copyOf(registered);
    }
}

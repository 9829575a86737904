package dev.accrue.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error answer as an RFC 9457 problem ({@code application/problem+json}). */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, fromJavalin(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            render(ctx, new ApiException(500, "internal", "Internal error",
                    "the server failed to answer; the failure is in its log", List.of()));
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) render(ctx, ApiException.notFound("the path " + ctx.path()));
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) render(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not supported on " + ctx.path(), List.of()));
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Json.PROBLEM_CONTENT_TYPE);
    }

    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 413 -> new ApiException(413, "too-large", "Request body too large",
                    "a request body is at most " + Limits.BODY_BYTES_MAX + " bytes", List.of());
            case 404 -> ApiException.notFound("the path " + ctx.path());
            case 405 -> new ApiException(405, "method-not-allowed", "Method not allowed", e.getMessage(), List.of());
            default -> new ApiException(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), List.of());
        };
    }

    static void render(Context ctx, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("instance", ctx.path());
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors().stream().map(error -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("field", error.field());
                item.put("message", error.message());
                if (error.line() > 0) {
                    item.put("line", error.line());
                    item.put("column", error.column());
                }
                return item;
            }).toList());
        }
        e.extensions().forEach(body::putIfAbsent);
        if (e.status() == 401) ctx.header("WWW-Authenticate", "Bearer");
        ctx.status(e.status()).contentType(Json.PROBLEM_CONTENT_TYPE).result(Json.write(body));
    }
}

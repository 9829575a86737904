package dev.accrue.http;

import dev.accrue.http.port.ProgramVersion;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /programs}: publish a version (YAML or JSON body), list programs, read a program's versions. */
final class ProgramRoutes {
    private final ProgramService programs;

    ProgramRoutes(ProgramService programs) {
        this.programs = programs;
    }

    void register(RouteTable routes) {
        routes.post(ApiServer.BASE + "/programs", this::publish);
        routes.get(ApiServer.BASE + "/programs", this::list);
        routes.get(ApiServer.BASE + "/programs/{id}", this::get);
        routes.get(ApiServer.BASE + "/programs/{id}/versions/{version}", this::version);
    }

    private void publish(Context ctx) {
        String format = format(ctx.contentType());
        LocalDate effectiveFrom = date(ctx.queryParam("effective_from"));
        ProgramService.Published published = programs.publish(Authentication.actor(ctx), ctx.body(), format, effectiveFrom);
        ProgramVersion version = published.version();
        ctx.header("Location", ApiServer.BASE + "/programs/" + version.programId() + "/versions/" + version.version());
        Map<String, Object> body = summary(version);
        body.put("created", published.created());
        Json.respond(ctx, published.created() ? 201 : 200, body);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> items = programs.latestOfEach(Authentication.actor(ctx)).stream().map(ProgramRoutes::summary).toList();
        Json.respond(ctx, 200, Map.of("items", items));
    }

    private void get(Context ctx) {
        List<ProgramVersion> versions = programs.versions(Authentication.actor(ctx), ctx.pathParam("id"));
        ProgramVersion latest = versions.get(versions.size() - 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", latest.programId());
        body.put("name", latest.name());
        body.put("kind", latest.kind());
        body.put("latest_version", latest.version());
        body.put("versions", versions.stream().map(ProgramRoutes::summary).toList());
        Json.respond(ctx, 200, body);
    }

    private void version(Context ctx) {
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("version " + ctx.pathParam("version") + " of program " + ctx.pathParam("id"));
        }
        ProgramVersion version = programs.version(Authentication.actor(ctx), ctx.pathParam("id"), number);
        Map<String, Object> body = summary(version);
        body.put("source", version.sourceText());
        body.put("canonical", Json.parse(version.canonicalJson()));
        Json.respond(ctx, 200, body);
    }

    static Map<String, Object> summary(ProgramVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", version.programId());
        body.put("version", version.version());
        body.put("name", version.name());
        body.put("kind", version.kind());
        body.put("effective_from", version.effectiveFrom().toString());
        body.put("source_format", version.sourceFormat());
        body.put("canonical_sha256", version.canonicalSha256());
        body.put("created_by", version.createdBy());
        body.put("created_at", version.createdAt().toString());
        return body;
    }

    /** yaml or json, by Content-Type; a program in another type is a 415. */
    static String format(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (type) {
            case "application/json" -> "json";
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> "yaml";
            default -> throw ApiException.unsupportedMediaType("send a program as application/yaml or application/json"
                    + (type.isEmpty() ? "" : ", not " + type));
        };
    }

    static LocalDate date(String text) {
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("effective_from", "a date like 2026-04-01, got '" + text + "'");
        }
    }
}

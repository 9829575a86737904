package dev.accrue.http;

import dev.accrue.core.event.EventParser;
import dev.accrue.http.port.Actor;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /events}: a batch of events in, a count per status and a line per event that was not simply
 * accepted out (accepted events are not listed, so the answer to a clean batch of thousands stays a few
 * bytes). {@code ?atomic=true}: all or nothing.
 */
final class EventRoutes {
    /** Event parsers kept for reuse: each holds buffers and a string pool worth keeping, and is used by one request at a time. */
    static final int PARSERS_KEPT_MAX = 16;

    private final EventService events;
    private final Queue<EventParser> parsers = new ConcurrentLinkedQueue<>();
    private final Semaphore turns = new Semaphore(Limits.EVENT_REQUESTS_AT_ONCE_MAX, true);

    EventRoutes(EventService events) {
        this.events = events;
    }

    void register(RouteTable routes) {
        routes.post(ApiServer.BASE + "/events", this::ingest);
    }

    private void ingest(Context ctx) {
        Actor actor = Authentication.actor(ctx);
        EventService.requireMaySend(actor);
        EventBody.Format format = EventBody.format(ctx.contentType());
        boolean atomic = atomic(ctx.queryParam("atomic"));
        if (ctx.req().getContentLengthLong() > Limits.EVENTS_BODY_BYTES_MAX) {
            throw new ApiException(413, "too-large", "Request body too large",
                    "a body of events is at most " + Limits.EVENTS_BODY_BYTES_MAX + " bytes", List.of());
        }
        try {
            if (!turns.tryAcquire(Limits.EVENT_REQUEST_WAIT_SECONDS_MAX, TimeUnit.SECONDS)) {
                throw new ApiException(503, "busy", "Too many batches at once", "the server is taking "
                        + Limits.EVENT_REQUESTS_AT_ONCE_MAX + " batches of events at once and had no turn for this one; send it again", List.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn", e);
        }
        try {
            ingestInTurn(ctx, actor, format, atomic);
        } finally {
            turns.release();
        }
    }

    private void ingestInTurn(Context ctx, Actor actor, EventBody.Format format, boolean atomic) {
        byte[] body;
        try {
            body = EventBody.read(ctx.req().getInputStream(), Limits.EVENTS_BODY_BYTES_MAX);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        EventParser parser = parsers.poll();
        if (parser == null) parser = new EventParser();
        List<EventBody.Line> lines;
        try {
            lines = EventBody.parse(body, format, parser);
        } finally {
            if (parsers.size() < PARSERS_KEPT_MAX) parsers.offer(parser);
        }
        Json.respond(ctx, 200, render(events.ingest(actor, lines, atomic)));
    }

    private static boolean atomic(String value) {
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw ApiException.badRequest("atomic is true or false, not '" + value + "'");
    }

    static Map<String, Object> render(EventService.Receipt receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", receipt.results().size());
        for (EventService.Status status : EventService.Status.values()) body.put(status.wireName(), receipt.count(status));
        List<Map<String, Object>> listed = new ArrayList<>();
        for (EventService.Result result : receipt.results()) {
            if (result.status() != EventService.Status.ACCEPTED) listed.add(render(result));
        }
        body.put("results", listed);
        return body;
    }

    static Map<String, Object> render(EventService.Result result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", result.line());
        line.put("id", result.id());
        line.put("status", result.status().wireName());
        if (result.reason() != null) line.put("reason", result.reason());
        return line;
    }
}

package dev.accrue.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accrue.http.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends events through the API in batches of JSON lines: up to {@link Limits#EVENTS_PER_REQUEST_MAX}
 * events and {@link #BATCH_CHARS_MAX} characters each. Counts what the server answered, and keeps a
 * {@code file:line: …} message for every event refused (rejected or a conflict) or unreadable in the
 * file. A request refused whole (a wrong key, say) stops the import: the batches before it are stored.
 * Add the file's items in order with {@link #add}, then {@link #finish}.
 */
public final class EventImporter {
    /** Characters of one request body: at most 3 bytes each in UTF-8, so the body stays under {@link Limits#EVENTS_BODY_BYTES_MAX}. */
    static final long BATCH_CHARS_MAX = Limits.EVENTS_BODY_BYTES_MAX / 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;
    private final String sourceName;
    private final int batchSizeMax;
    private final StringBuilder body = new StringBuilder();
    private final List<Long> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long accepted, duplicate, held, rejected, conflict;
    private String stoppedBy;

    public EventImporter(ApiClient client, String sourceName) {
        this(client, sourceName, Limits.EVENTS_PER_REQUEST_MAX);
    }

    EventImporter(ApiClient client, String sourceName, int batchSizeMax) {
        this.client = client;
        this.sourceName = sourceName;
        this.batchSizeMax = batchSizeMax;
    }

    /**
     * What the import did. {@code failures} has a line per refused event; {@code stoppedBy} says why the
     * import stopped early (a request the server refused whole), or is null.
     */
    public record Outcome(long accepted, long duplicate, long held, long rejected, long conflict, List<String> failures, String stoppedBy) {
        public boolean ok() {
            return failures.isEmpty() && stoppedBy == null;
        }

        public String counts() {
            return accepted + " accepted, " + duplicate + " duplicate, " + held + " held (partner not known yet), "
                    + rejected + " rejected, " + conflict + " conflict";
        }
    }

    public void add(EventFile.Item item) {
        if (stoppedBy != null) return;
        switch (item) {
            case EventFile.Unreadable unreadable -> {
                rejected++;
                failures.add(sourceName + ":" + unreadable.line() + ": " + unreadable.reason());
            }
            case EventFile.Event event -> {
                if (!lines.isEmpty() && (lines.size() == batchSizeMax || body.length() + event.json().length() + 1 > BATCH_CHARS_MAX)) send();
                body.append(event.json()).append('\n');
                lines.add(event.line());
            }
        }
    }

    public Outcome finish() {
        if (!lines.isEmpty() && stoppedBy == null) send();
        return new Outcome(accepted, duplicate, held, rejected, conflict, List.copyOf(failures), stoppedBy);
    }

    private void send() {
        ApiClient.Response response = client.send("POST", "/events", body.toString(), "application/x-ndjson");
        try {
            if (response.status() != 200) {
                stoppedBy = "the server refused a batch (lines " + lines.get(0) + " to " + lines.get(lines.size() - 1) + "): "
                        + response.status() + " " + detail(response.body());
                return;
            }
            JsonNode receipt = JSON.readTree(response.body());
            accepted += receipt.path("accepted").asLong();
            duplicate += receipt.path("duplicate").asLong();
            held += receipt.path("held").asLong();
            rejected += receipt.path("rejected").asLong();
            conflict += receipt.path("conflict").asLong();
            for (JsonNode result : receipt.path("results")) {
                String status = result.path("status").asText();
                if (!status.equals("rejected") && !status.equals("conflict")) continue;
                long fileLine = lines.get(result.path("line").asInt() - 1);
                String id = result.path("id").isTextual() ? result.path("id").asText() + ": " : "";
                failures.add(sourceName + ":" + fileLine + ": " + id + status + ": " + result.path("reason").asText());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            stoppedBy = "the server's answer is not JSON: " + e.getOriginalMessage();
        } finally {
            body.setLength(0);
            lines.clear();
        }
    }

    private static String detail(String problem) {
        try {
            JsonNode node = JSON.readTree(problem);
            return node.hasNonNull("detail") ? node.get("detail").asText() : problem;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return problem;
        }
    }
}

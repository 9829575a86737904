package dev.accrue.app.demo;

import dev.accrue.app.client.ApiClient;
import dev.accrue.app.client.PartnerFile;
import dev.accrue.app.client.PartnerImporter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo partners, the example programs and the generated activity ({@link DemoActivity}) through
 * the API, as any client would; loading twice changes nothing (events are taken once by id).
 */
public final class DemoLoader {
    static final String PARTNERS_RESOURCE = "/demo/partners.jsonl";
    /** Events per {@code POST /events}: the endpoint's batch limit. */
    static final int BATCH_EVENTS_MAX = 10_000;
    /** Characters (bytes: the events are ASCII) per {@code POST /events}, under the endpoint's 16 MiB. */
    static final int BATCH_BYTES_MAX = 15 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;

    public DemoLoader(ApiClient client) {
        this.client = client;
    }

    /** What loading the activity did: events sent, newly stored, and already there (acknowledged and ignored). */
    public record Activity(int sent, int added, int duplicates) {}

    public record Loaded(PartnerImporter.Outcome partners, int programsCreated, int programsUnchanged, Activity activity, List<String> refused) {}

    /** Partners, programs, and the activity of 2026 up to {@code now}. */
    public Loaded load(Instant now) {
        PartnerImporter.Outcome partners = new PartnerImporter(client).load(PartnerFile.read(partnersText(), false), "demo partners");
        int created = 0;
        int unchanged = 0;
        List<String> refused = new ArrayList<>(partners.failures());
        for (Map.Entry<String, String> program : ExamplePrograms.all().entrySet()) {
            ApiClient.Response response = client.send("POST", "/programs", program.getValue(), "application/yaml");
            if (response.status() == 201) created++;
            else if (response.status() == 200) unchanged++;
            else refused.add(program.getKey() + ": " + response.status() + " " + response.body());
        }
        Activity activity = loadActivity(DemoActivity.upTo(now), refused);
        return new Loaded(partners, created, unchanged, activity, refused);
    }

    /** Posts the events as JSON lines in batches; a refused batch is reported in {@code refused}. */
    Activity loadActivity(List<DemoActivity.DemoEvent> events, List<String> refused) {
        int added = 0;
        int duplicates = 0;
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        for (int i = 0; i <= events.size(); i++) {
            String line = i < events.size() ? events.get(i).json() : null;
            if (inBatch > 0 && (line == null || inBatch == BATCH_EVENTS_MAX || batch.length() + line.length() + 1 > BATCH_BYTES_MAX)) {
                ApiClient.Response response = client.send("POST", "/events", batch.toString(), "application/x-ndjson");
                if (response.ok()) {
                    JsonNode body = readJson(response.body());
                    added += body.path("accepted").asInt() + body.path("held").asInt();
                    duplicates += body.path("duplicate").asInt();
                    for (JsonNode result : body.path("results")) {
                        String status = result.path("status").asText();
                        if (status.equals("rejected") || status.equals("conflict")) {
                            refused.add("event " + result.path("id").asText() + ": " + status + ": " + result.path("reason").asText());
                        }
                    }
                } else {
                    refused.add("events: " + response.status() + " " + response.body());
                }
                batch.setLength(0);
                inBatch = 0;
            }
            if (line != null) {
                batch.append(line).append('\n');
                inBatch++;
            }
        }
        return new Activity(events.size(), added, duplicates);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String partnersText() {
        try (InputStream in = DemoLoader.class.getResourceAsStream(PARTNERS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the demo partners are missing from the jar: " + PARTNERS_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.accrue.app.demo;

import dev.accrue.app.client.ApiClient;
import dev.accrue.app.client.PartnerFile;
import dev.accrue.app.client.PartnerImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the demo partners and the example programs through the API, as any client would; loading twice changes nothing. */
public final class DemoLoader {
    static final String PARTNERS_RESOURCE = "/demo/partners.jsonl";

    private final ApiClient client;

    public DemoLoader(ApiClient client) {
        this.client = client;
    }

    public record Loaded(PartnerImporter.Outcome partners, int programsCreated, int programsUnchanged, List<String> refused) {}

    public Loaded load() {
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
        return new Loaded(partners, created, unchanged, refused);
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

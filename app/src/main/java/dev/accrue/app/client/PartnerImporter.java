package dev.accrue.app.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads partners through the API: POST each one, and PUT it when it exists already (a new version if it
 * changed, nothing if it did not). Run twice over the same file, the second run changes nothing.
 */
public final class PartnerImporter {
    private final ApiClient client;

    public PartnerImporter(ApiClient client) {
        this.client = client;
    }

    /** What an import did; {@code failures} holds one line per refused partner. */
    public record Outcome(int created, int changed, int unchanged, List<String> failures) {}

    public Outcome load(List<PartnerFile.Row> rows, String sourceName) {
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        List<String> failures = new ArrayList<>();
        for (PartnerFile.Row row : rows) {
            ApiClient.Response response = client.send("POST", "/partners", row.body().toString(), "application/json");
            if (response.status() == 409) {
                ObjectNode body = row.body().deepCopy();
                body.remove("id");
                response = client.send("PUT", "/partners/" + row.id(), body.toString(), "application/json");
                if (response.ok() && response.body().contains("\"changed\":true")) changed++;
                else if (response.ok()) unchanged++;
            } else if (response.status() == 201) {
                created++;
            }
            if (!response.ok()) failures.add(sourceName + ":" + row.line() + ": partner " + row.id() + ": " + response.status() + " " + response.body());
        }
        return new Outcome(created, changed, unchanged, failures);
    }
}

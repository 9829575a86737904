package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accrue import events} through the real command against a real server. */
class ImportEventsCommandTest {
    private static ApiFixture api;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        api.postJson("/partners", api.adminKey, "{\"id\": \"dist-a\", \"name\": \"A\", \"type\": \"distributor\"}");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static ProgramsValidateCommandTest.Run importEvents(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "events", file.toString(), "--url", api.baseUrl, "--key", api.adminKey));
        args.addAll(List.of(more));
        return ProgramsValidateCommandTest.run(args.toArray(String[]::new));
    }

    private static Map<String, Event> stored() {
        Map<String, Event> all = new HashMap<>();
        api.server.stores().events().forEachInOrder(event -> all.put(event.id(), event));
        return all;
    }

    @Test
    void jsonLinesAreImportedAndEveryRefusedLineIsNamedByFileAndLine() throws IOException {
        Path file = folder.resolve("events.jsonl");
        Files.writeString(file, String.join("\n",
                EventsApiTest.sale("jl-1", "dist-a", "100.00"),
                "",
                EventsApiTest.sale("jl-2", "dist-a", "100.00").replace("\"100.00\"", "100.5"),
                EventsApiTest.sale("jl-3", "dist-new", "3.00"),
                EventsApiTest.sale("jl-1", "dist-a", "100.00"),
                "not json") + "\n");
        ProgramsValidateCommandTest.Run run = importEvents(file);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains(file + ": 1 accepted, 1 duplicate, 1 held (partner not known yet), 2 rejected, 0 conflict");
        assertThat(run.err().lines()).containsExactly(
                file + ":3: jl-2: rejected: data.net_amount: expected a decimal string (amounts are decimal strings, e.g. \"60000.50\"), found the number 100.5",
                file + ":6: rejected: expected valid JSON, found invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertThat(stored()).containsKeys("jl-1", "jl-3").doesNotContainKey("jl-2");

        ProgramsValidateCommandTest.Run again = importEvents(file);
        assertThat(again.out()).contains("0 accepted, 3 duplicate");
    }

    @Test
    void csvColumnsAreMappedToTheEventsFields() throws IOException {
        Path file = folder.resolve("sales.csv");
        Files.writeString(file, """
                id,type,when,partner,net,quantity,line_id,currency,region
                csv-1,sale,2026-01-10T15:00:00Z,dist-a,60000.50,6,L-1,USD,north
                csv-2,sale,2026-01-11T15:00:00-06:00,dist-a,12.5,2,L-2,USD,
                csv-3,sale,2026-01-12T15:00:00Z,dist-a,1.00,one,L-3,USD,south
                """);
        ProgramsValidateCommandTest.Run run = importEvents(file, "--map", "net=net_amount", "--map", "when=occurred_at",
                "--map", "region=data.shipping.region");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("2 accepted");
        assertThat(run.err()).contains(file + ":4: csv-3: rejected: data.quantity: expected an integer, found the string \"one\"");
        Event first = stored().get("csv-1");
        assertThat(first.data()).containsEntry("net_amount", new BigDecimal("60000.50")).containsEntry("quantity", 6L)
                .containsEntry("shipping", Map.of("region", "north"));
        assertThat(stored().get("csv-2").occurredAt()).hasToString("2026-01-11T21:00:00Z");
    }

    @Test
    void aFileLargerThanOneRequestGoesInSeveralBatchesAndLinesStayTheFilesOwn() throws IOException {
        Path file = folder.resolve("many.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 10_005; i++) {
            text.append(i == 10_003 ? "{\"id\": \"many-bad\"}" : EventsApiTest.sale("many-" + i, "dist-a", "1.00")).append('\n');
        }
        Files.writeString(file, text);
        ProgramsValidateCommandTest.Run run = importEvents(file);
        assertThat(run.out()).contains("10004 accepted");
        assertThat(run.err().lines()).singleElement().asString().startsWith(file + ":10003: many-bad: rejected: type: expected a value");
    }

    @Test
    void aWrongKeyStopsTheImportWithTheServersReason() throws IOException {
        Path file = folder.resolve("one.jsonl");
        Files.writeString(file, EventsApiTest.sale("wrong-key", "dist-a", "1.00") + "\n");
        ProgramsValidateCommandTest.Run run = ProgramsValidateCommandTest.run("import", "events", file.toString(),
                "--url", api.baseUrl, "--key", "ak_nottrue_xxxxxxxx");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("stopped: the server refused a batch (lines 1 to 1): 401");
    }
}
